import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Role } from '@/access/roles'

import { replyNotificationLink, replyNotificationMessages } from '@/comments/replyNotifications'
import { parseEmailEnv } from '@/lib/env'

import type { StaffUser } from '../helpers/fixtures'
import type { PayloadWithInbox } from '../helpers/inbox'

import { Inbox, loadPayloadWithInbox } from '../helpers/inbox'

// The link route reaches Payload through src/lib/payload, guarded by `server-only`, which throws outside Next's server build.
vi.mock('server-only', () => ({}))

/**
 * Issue #4's email notices, delivered for real: a loopback SMTP server (the `smtp-server`
 * package) on a free port receives what Payload's nodemailer adapter sends, and each test reads
 * the recipients, subject and text it got. The server is started, and SMTP_HOST/SMTP_PORT point
 * at it, before this file loads the Payload config: the config reads the environment once.
 */

const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const
const quiet = { ...system, context: { ...system.context, disableNotifications: true } } as const

let ipCounter = 0
/** A fresh sender each time, so flood control never interferes. */
const sender = () => ({ 'x-forwarded-for': `203.0.113.${++ipCounter}` })

describe('Comment notifications', () => {
  const inbox = new Inbox()
  let payload: Payload
  let rest: PayloadWithInbox['rest']
  let fixtures: PayloadWithInbox['fixtures']
  let staff: Record<Role, StaffUser>
  const tag = `n${Date.now().toString(36)}`
  const made = { categoryId: '', authorIds: [] as string[], articleId: '' }
  const title = `Season two, explained ${tag}`
  let articleUrl: string
  let origin: string
  let linkRoute: { GET: (request: Request) => Promise<Response>; POST: (request: Request) => Promise<Response> }

  beforeAll(async () => {
    ;({ payload, rest, fixtures } = await loadPayloadWithInbox(inbox))
    linkRoute = await import('../../app/(site)/comments/notifications/route')
    origin = payload.config.serverURL
    staff = await fixtures.seedStaff(payload, ['admin', 'editor', 'writer', 'moderator'])

    made.categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `Notices ${tag}`, slug: `notices-${tag}` } })).id
    const byline = await payload.create({ ...system, collection: 'authors', data: { name: `Writer ${tag}`, slug: `writer-${tag}`, user: staff.writer.id } })
    const coAuthor = await payload.create({ ...system, collection: 'authors', data: { name: `Editor ${tag}`, slug: `editor-${tag}`, user: staff.editor.id } })
    made.authorIds.push(byline.id, coAuthor.id)
    const slug = `season-two-${tag}`
    made.articleId = (
      await payload.create({
        ...system,
        collection: 'articles',
        data: { title, slug, category: made.categoryId, authors: [byline.id, coAuthor.id], _status: 'published' },
      })
    ).id
    articleUrl = `${origin}/notices-${tag}/${slug}`
  })

  afterAll(async () => {
    await inbox.stop()
    if (!payload) return
    await payload.delete({ ...system, collection: 'comments', where: { article: { equals: made.articleId } } })
    await payload.delete({ ...system, collection: 'articles', where: { id: { equals: made.articleId } } })
    await payload.delete({ ...system, collection: 'authors', where: { id: { in: made.authorIds } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: made.categoryId } } })
    await fixtures.cleanupStaff(payload, staff)
  })

  const reader = (name: string) => ({ authorName: name, authorEmail: `${name.toLowerCase()}-${fixtures.uniqueTag()}@example.net` })
  const submit = async (data: Record<string, unknown>) => {
    const { status, body } = await rest('POST', '/comments', { body: { article: made.articleId, ...data }, headers: sender() })
    expect(status, JSON.stringify(body)).toBe(201)
    return body.doc as { id: string; status: string }
  }
  const moderate = async (id: string, status: string) => {
    const response = await rest('PATCH', `/comments/${id}`, { token: staff.moderator.token, body: { status } })
    expect(response.status).toBe(200)
  }
  const moderatorEmails = async () =>
    (await payload.find({ ...system, collection: 'users', where: { roles: { in: ['moderator'] } }, pagination: false })).docs.map((user) => user.email)

  const subjects = {
    held: `[Byline] Please moderate: "${title}"`,
    approved: `[Byline] Comment: "${title}"`,
    reply: `[Byline] New reply to your comment on "${title}"`,
  }

  it('tells each moderator, and only moderators, about a held comment', async () => {
    const body = `When does filming start? ${fixtures.uniqueTag()}`
    const nina = reader('Nina')
    const { id, status } = await submit({ ...nina, authorUrl: 'https://nina.example', body })
    expect(status).toBe('pending')

    const moderators = await moderatorEmails()
    const held = await inbox.waitFor({ subject: subjects.held, about: body, count: moderators.length })
    expect(moderators).toContain(staff.moderator.email)
    expect(held.flatMap((message) => message.to).sort()).toEqual([...moderators].sort())
    expect(held.flatMap((message) => message.to)).not.toContain(staff.admin.email)
    const [message] = held
    expect(message?.text).toContain(`A new comment on "${title}" is waiting for your approval.`)
    expect(message?.text).toContain(articleUrl)
    expect(message?.text).toContain(`Author: Nina <${nina.authorEmail}>`)
    expect(message?.text).toContain('Website: https://nina.example')
    expect(message?.text).toContain(`> ${body}`)
    expect(message?.text).toContain(`${origin}/admin/moderation`)
    expect(message?.text).toContain(`${origin}/admin/collections/comments/${id}`)
  })

  it('names the article as it is now, after a rename', async () => {
    // The first notice remembers the article's title and address; the rename must not leave them behind.
    const moderators = await moderatorEmails()
    const before = `Before the rename ${fixtures.uniqueTag()}`
    await submit({ ...reader('Ada'), body: before })
    await inbox.waitFor({ subject: subjects.held, about: before, count: moderators.length })
    const renamed = `${title}, revisited`
    await payload.update({ ...system, collection: 'articles', id: made.articleId, data: { title: renamed } })
    try {
      const after = `After the rename ${fixtures.uniqueTag()}`
      await submit({ ...reader('Ben'), body: after })
      const [message] = await inbox.waitFor({ subject: `[Byline] Please moderate: "${renamed}"`, about: after, count: moderators.length })
      expect(message?.text).toContain(`A new comment on "${renamed}" is waiting for your approval.`)
    } finally {
      await payload.update({ ...system, collection: 'articles', id: made.articleId, data: { title } })
    }
  })

  it('tells the article’s authors when a comment is approved, without the commenter’s address', async () => {
    const body = `Lovely round-up ${fixtures.uniqueTag()}`
    const oscar = reader('Oscar')
    const { id } = await submit({ ...oscar, body })
    await moderate(id, 'approved')

    const approved = await inbox.waitFor({ subject: subjects.approved, about: body, count: 2 })
    expect(approved.flatMap((message) => message.to).sort()).toEqual([staff.editor.email, staff.writer.email].sort())
    const [message] = approved
    expect(message?.text).toContain(`New comment on your article "${title}"`)
    expect(message?.text).toContain('Author: Oscar')
    expect(message?.text).toContain(`> ${body}`)
    expect(message?.text).toContain(`${articleUrl}#comment-${id}`)
    expect(message?.text).not.toContain(oscar.authorEmail)
  })

  const stored = async (id: string) => (await payload.findByID({ ...system, collection: 'comments', id })).notifyOnReply
  /** Opens a link from an email as a browser (GET) or presses its button / a mail client's one-click unsubscribe (POST). */
  const follow = async (method: 'GET' | 'POST', url: string) => {
    const init: RequestInit = method === 'POST' ? { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' } : { method }
    const response = await linkRoute[method](new Request(url, init))
    return { status: response.status, html: await response.text() }
  }
  const linkIn = (text: string | undefined, label: string) => {
    const url = text?.match(new RegExp(`${label} (\\S+)`))?.[1]
    expect(url, `"${label}" in ${text}`).toMatch(new RegExp(`^${origin}/comments/notifications\\?`))
    return url ?? ''
  }
  const confirmSubject = `[Byline] Confirm: email me about replies on "${title}"`
  /** A reader who ticked "notify me" and followed the confirmation link. */
  const subscribedReader = async (name: string) => {
    const person = reader(name)
    const comment = await submit({ ...person, body: `Tell me more ${fixtures.uniqueTag()}`, notifyOnReply: true })
    const [confirmation] = await inbox.waitFor({ subject: confirmSubject, about: 'confirm here', to: person.authorEmail })
    expect((await follow('POST', linkIn(confirmation?.text, 'confirm here:'))).status).toBe(200)
    expect(await stored(comment.id)).toBe(true)
    await moderate(comment.id, 'approved')
    return { ...person, comment }
  }
  /** Approves a reply to `parentId`; once the authors' notice about it has arrived, any reply notice would have too. */
  const approvedReply = async (parentId: string) => {
    const body = `Same here! ${fixtures.uniqueTag()}`
    const reply = await submit({ ...reader('Sam'), parent: parentId, body })
    await moderate(reply.id, 'approved')
    await inbox.waitFor({ subject: subjects.approved, about: body, count: 2 })
    return { id: reply.id, body, notices: inbox.messages.filter((m) => m.subject === subjects.reply && m.text.includes(body)) }
  }

  it('asks a reader who ticks “notify me” to confirm, once, and tells them about replies only once they have', async () => {
    const leah = reader('Leah')
    const first = await submit({ ...leah, body: `Counting the days ${fixtures.uniqueTag()}`, notifyOnReply: true })
    const [confirmation, ...more] = await inbox.waitFor({ subject: confirmSubject, about: 'confirm here', to: leah.authorEmail })
    expect(more).toEqual([])
    expect(confirmation?.text).toContain(`Someone, hopefully you, commented on "${title}" with this address and asked to be emailed about replies.`)
    expect(await stored(first.id)).toBe(false)

    await moderate(first.id, 'approved')
    const early = await approvedReply(first.id)
    expect(early.notices).toEqual([])

    // Opening the link (as a mail scanner or link preview would) only shows the button.
    const link = linkIn(confirmation?.text, 'confirm here:')
    const opened = await follow('GET', link)
    expect(opened.status).toBe(200)
    expect(opened.html).toContain(`<form method="post" action="/comments/notifications?`)
    expect(opened.html).toContain(replyNotificationMessages.confirmButton)
    expect(await stored(first.id)).toBe(false)

    const pressed = await follow('POST', link)
    expect([pressed.status, pressed.html.includes(replyNotificationMessages.confirmed)]).toEqual([200, true])
    expect(await stored(first.id)).toBe(true)
    expect(inbox.messages.filter((m) => m.subject === confirmSubject && m.to.includes(leah.authorEmail))).toHaveLength(1)

    const later = await approvedReply(first.id)
    const [message, ...others] = await inbox.waitFor({ subject: subjects.reply, about: later.body })
    expect(others).toEqual([])
    expect(message?.to).toEqual([leah.authorEmail])
    expect(message?.text).toContain('Hello Leah,')
    expect(message?.text).toContain(`Sam replied to your comment on "${title}":`)
    expect(message?.text).toContain(`> ${later.body}`)
    expect(message?.text).toContain(`${articleUrl}#comment-${later.id}`)
  })

  it('puts a working unsubscribe link, one-click too, in every reply email', async () => {
    const nora = await subscribedReader('Nora')
    const reply = await approvedReply(nora.comment.id)
    const [message] = await inbox.waitFor({ subject: subjects.reply, about: reply.body })
    const link = linkIn(message?.text, 'Stop these emails:')
    expect(message?.headers['list-unsubscribe']).toBe(`<${link}>`)
    expect(message?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')

    const opened = await follow('GET', link)
    expect([opened.status, opened.html.includes(replyNotificationMessages.unsubscribeButton)]).toEqual([200, true])
    expect(await stored(nora.comment.id)).toBe(true)
    const pressed = await follow('POST', link)
    expect([pressed.status, pressed.html.includes(replyNotificationMessages.unsubscribed)]).toEqual([200, true])
    expect(await stored(nora.comment.id)).toBe(false)
    // Pressing again, or opening it again, is fine and changes nothing.
    expect((await follow('POST', link)).status).toBe(200)
    expect((await follow('GET', link)).html).toContain(replyNotificationMessages.unsubscribed)

    expect((await approvedReply(nora.comment.id)).notices).toEqual([])
  })

  it('refuses a forged, altered, misdirected or expired link with a clear 400 and changes nothing', async () => {
    const ivy = reader('Ivy')
    const mine = await submit({ ...ivy, body: `Forge me ${fixtures.uniqueTag()}`, notifyOnReply: true })
    const theirs = await submit({ ...reader('Jon'), body: `Not yours ${fixtures.uniqueTag()}`, notifyOnReply: true })
    const [confirmation] = await inbox.waitFor({ subject: confirmSubject, about: 'confirm here', to: ivy.authorEmail })
    const link = new URL(linkIn(confirmation?.text, 'confirm here:'))
    const changed = (name: string, value: string | null) => {
      const url = new URL(link)
      if (value === null) url.searchParams.delete(name)
      else url.searchParams.set(name, value)
      return url.toString()
    }
    const sig = link.searchParams.get('sig') ?? ''
    const sign = (options: { commentId?: string; email?: string; now?: number; action?: 'confirm' | 'unsubscribe' }) =>
      replyNotificationLink({ origin, secret: payload.secret, action: 'confirm', commentId: mine.id, email: ivy.authorEmail, ...options })

    const refused: [string, string, string][] = [
      ['an altered signature', changed('sig', `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`), replyNotificationMessages.forged],
      ['another comment’s id', changed('comment', theirs.id), replyNotificationMessages.forged],
      ['a later expiry', changed('until', String(Date.now() + 30 * 86_400_000)), replyNotificationMessages.forged],
      ['the other action', changed('do', 'unsubscribe'), replyNotificationMessages.forged],
      ['a link signed for another address', sign({ email: 'someone-else@example.net' }), replyNotificationMessages.forged],
      ['a link made with another secret', replyNotificationLink({ origin, secret: 'x'.repeat(64), action: 'confirm', commentId: mine.id, email: ivy.authorEmail }), replyNotificationMessages.forged],
      ['an expired link', sign({ now: Date.now() - 8 * 86_400_000 }), replyNotificationMessages.expired],
      ['a link without its signature', changed('sig', null), replyNotificationMessages.malformed],
      ['a link with no comment', changed('comment', null), replyNotificationMessages.malformed],
      ['a comment id no database uses', changed('comment', "1' OR '1'='1"), replyNotificationMessages.malformed],
      ['an unknown action', changed('do', 'subscribe-everyone'), replyNotificationMessages.malformed],
    ]
    for (const [what, url, message] of refused) {
      for (const method of ['GET', 'POST'] as const) {
        const { status, html } = await follow(method, url)
        expect([what, method, status, html.includes(message)]).toEqual([what, method, 400, true])
        expect(html).not.toContain(ivy.authorEmail)
      }
    }
    expect([await stored(mine.id), await stored(theirs.id)]).toEqual([false, false])

    await payload.delete({ ...quiet, collection: 'comments', id: theirs.id })
    const gone = await follow('POST', sign({ commentId: theirs.id }))
    expect([gone.status, gone.html.includes(replyNotificationMessages.missing)]).toEqual([404, true])
  })

  it('keeps who asked for email as private as their address', async () => {
    const { comment } = await subscribedReader('Priti')
    const anonymous = await rest('GET', `/comments/${comment.id}`)
    expect([anonymous.status, 'notifyOnReply' in anonymous.body, 'authorEmail' in anonymous.body]).toEqual([200, false, false])
    const asModerator = await rest('GET', `/comments/${comment.id}`, { token: staff.moderator.token })
    expect(asModerator.body.notifyOnReply).toBe(true)
  })

  it('lets moderators and system writes set reply notifications as they choose, without a confirmation', async () => {
    const person = reader('Mod')
    const body = `Written by a moderator ${fixtures.uniqueTag()}`
    const { status, body: created } = await rest('POST', '/comments', {
      token: staff.moderator.token,
      body: { article: made.articleId, ...person, body, notifyOnReply: true, status: 'approved' },
    })
    expect(status).toBe(201)
    await inbox.waitFor({ subject: subjects.approved, about: body, count: 2 })
    expect(await stored(created.doc.id)).toBe(true)
    expect(inbox.messages.filter((m) => m.to.includes(person.authorEmail))).toEqual([])
  })

  it('sends nothing for spam, for a held comment trashed or marked as spam, or for a reply nobody asked about', async () => {
    const parent = await payload.create({
      ...quiet,
      collection: 'comments',
      data: { article: made.articleId, ...reader('Quiet'), body: `No emails please ${fixtures.uniqueTag()}`, status: 'approved' },
    })
    const held = (name: string) =>
      payload.create({ ...quiet, collection: 'comments', data: { article: made.articleId, ...reader(name), body: `Held ${fixtures.uniqueTag()}`, status: 'pending' } })
    const heldToTrash = await held('Tia')
    const heldToSpam = await held('Sid')
    const unaskedBody = `An unasked reply ${fixtures.uniqueTag()}`
    const unasked = await payload.create({
      ...quiet,
      collection: 'comments',
      data: { article: made.articleId, parent: parent.id, ...reader('Rae'), body: unaskedBody, status: 'pending' },
    })
    const before = inbox.messages.length

    const botReader = reader('Bot')
    const bot = await submit({ ...botReader, body: `Cheap pills ${fixtures.uniqueTag()}`, phone: '555-0100', notifyOnReply: true })
    const bodies = [parent.body, heldToTrash.body, heldToSpam.body, unaskedBody, `Cheap pills`]
    expect(bot.status).toBe('spam')
    await moderate(heldToTrash.id, 'trash')
    await moderate(heldToSpam.id, 'spam')
    await moderate(bot.id, 'trash')
    await moderate(unasked.id, 'approved')
    // Something that does send, last: once it has arrived, whatever was sent before it has too.
    const marker = `Marker ${fixtures.uniqueTag()}`
    await submit({ ...reader('Mark'), body: marker })
    const moderators = await moderatorEmails()
    await inbox.waitFor({ subject: subjects.held, about: marker, count: moderators.length })

    // Earlier tests' mail may still be arriving: only what concerns this test's comments counts.
    const since = inbox.messages
      .slice(before)
      .filter((m) => [...bodies, marker].some((body) => m.text.includes(body)))
      .map((m) => `${m.subject} → ${m.to.join(',')}`)
    const expected = [
      ...[staff.editor.email, staff.writer.email].map((to) => `${subjects.approved} → ${to}`),
      ...moderators.map((to) => `${subjects.held} → ${to}`),
    ]
    expect(since.sort()).toEqual(expected.sort())
    // Spam asked for reply notifications too: its address gets no confirmation.
    expect(inbox.messages.filter((m) => m.to.includes(botReader.authorEmail))).toEqual([])
  })

  it('tells the editors and admins when the newsroom has no moderator', async () => {
    const moderators = (await payload.find({ ...system, collection: 'users', where: { roles: { in: ['moderator'] } }, pagination: false })).docs
    for (const user of moderators) await payload.update({ ...system, collection: 'users', id: user.id, data: { roles: ['contributor'] } })
    try {
      const body = `Nobody moderates ${fixtures.uniqueTag()}`
      await submit({ ...reader('Uma'), body })
      const expected = (await payload.find({ ...system, collection: 'users', where: { roles: { in: ['admin', 'editor'] } }, pagination: false })).docs.map(
        (user) => user.email,
      )
      const held = await inbox.waitFor({ subject: subjects.held, about: body, count: expected.length })
      expect(held.flatMap((message) => message.to).sort()).toEqual(expected.sort())
      expect(expected).toEqual(expect.arrayContaining([staff.admin.email, staff.editor.email]))
    } finally {
      for (const user of moderators) await payload.update({ ...system, collection: 'users', id: user.id, data: { roles: user.roles } })
    }
  })

  it('answers the reader at once even when the mail server is down', async () => {
    await inbox.stop()
    const { id, status } = await submit({ ...reader('Vic'), body: `Posted while mail is down ${fixtures.uniqueTag()}` })
    expect(status).toBe('pending')
    const stored = await payload.findByID({ ...system, collection: 'comments', id })
    expect(stored.status).toBe('pending')
  })
})

describe('Email settings', () => {
  const origin = 'https://news.example.com'

  it('prints to the console without SMTP_HOST, from Byline at the site’s host', () => {
    expect(parseEmailEnv({}, origin)).toEqual({ from: { name: 'Byline', address: 'noreply@news.example.com' }, smtp: null })
  })

  it('reads the SMTP server, its login and the sender', () => {
    expect(
      parseEmailEnv({ SMTP_HOST: 'smtp.example.com', SMTP_USER: 'u', SMTP_PASS: ' p ', EMAIL_FROM: '"News Desk" <desk@example.com>' }, origin),
    ).toEqual({
      from: { name: 'News Desk', address: 'desk@example.com' },
      smtp: { host: 'smtp.example.com', port: 587, secure: false, auth: { user: 'u', pass: ' p ' } },
    })
    expect(parseEmailEnv({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: '465' }, origin).smtp).toMatchObject({ port: 465, secure: true })
  })

  it.each([
    [{ SMTP_PORT: '25' }, /SMTP_PORT is set but SMTP_HOST is not/],
    [{ SMTP_HOST: 'h', SMTP_PORT: 'smtp' }, /SMTP_PORT "smtp" is not a port number/],
    [{ SMTP_HOST: 'h', SMTP_SECURE: 'yes' }, /SMTP_SECURE "yes" must be true/],
    [{ SMTP_HOST: 'h', SMTP_USER: 'u' }, /SMTP_USER and SMTP_PASS go together/],
    [{ EMAIL_FROM: 'newsroom' }, /EMAIL_FROM "newsroom" is not an address/],
  ])('refuses %j with a readable message', (source, message) => {
    expect(() => parseEmailEnv(source, origin)).toThrow(message)
  })
})
