import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'
import type { CommentStatus } from '@/comments/statuses'

import { deleteForever, emptyFolder, replyAsNewsroom } from '@/admin/moderation/commands'
import { loadQueue, parseFilters } from '@/admin/moderation/queue'
import { NEWSROOM } from '@/comments/newsroom'

import type { StaffUser } from '../helpers/fixtures'

import { cleanupStaff, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

/**
 * Issue #4's moderation rules over REST with real sessions: every status change, one comment at
 * a time and in bulk (`PATCH /api/comments?where[id][in]=…`, what the queue's bulk actions send),
 * tried by every role. A refusal is judged by the answer and by what the database still holds.
 * Then the queue's own reads, as a moderator and as a writer.
 */

type Who = Role | 'anonymous'
type Mode = 'one at a time' | 'in bulk'

const TRANSITIONS: [action: string, from: CommentStatus, to: CommentStatus][] = [
  ['approve', 'pending', 'approved'],
  ['unapprove', 'approved', 'pending'],
  ['mark as spam', 'pending', 'spam'],
  ['trash', 'pending', 'trash'],
  ['trash', 'approved', 'trash'],
  ['restore from spam', 'spam', 'pending'],
  ['restore from the trash', 'trash', 'pending'],
]

/** Writers are refused even on their own article: they follow its discussion, moderators moderate it. */
const WHO: Who[] = ['anonymous', 'contributor', 'writer', 'moderator', 'editor', 'admin']
const MAY_MODERATE: readonly Who[] = ['admin', 'editor', 'moderator']
const MODES: Mode[] = ['one at a time', 'in bulk']

const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true, disableNotifications: true } } as const

describe('Moderation', () => {
  let payload: Payload
  let staff: Record<Role, StaffUser>
  const tag = uniqueTag()
  const made = { categoryId: '', authorIds: [] as string[], articleIds: [] as string[] }
  /** The writer's own article, and one by somebody else. */
  let ownArticle: { id: string; title: string; slug: string }
  let otherArticle: { id: string; title: string }

  beforeAll(async () => {
    payload = await getTestPayload()
    staff = await seedStaff(payload, ['admin', 'editor', 'writer', 'contributor', 'moderator'])
    made.categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `Mod ${tag}`, slug: `mod-${tag}` } })).id
    const byline = await payload.create({ ...system, collection: 'authors', data: { name: `Writer ${tag}`, slug: `writer-${tag}`, user: staff.writer.id } })
    const other = await payload.create({ ...system, collection: 'authors', data: { name: `Other ${tag}`, slug: `other-${tag}` } })
    made.authorIds.push(byline.id, other.id)
    const article = (title: string, authorId: string) =>
      payload.create({
        ...system,
        collection: 'articles',
        data: { title, slug: `${uniqueTag()}`, category: made.categoryId, authors: [authorId], _status: 'published' },
      })
    ownArticle = await article(`Own ${tag}`, byline.id)
    otherArticle = await article(`Other ${tag}`, other.id)
    made.articleIds.push(ownArticle.id, otherArticle.id)
  })

  afterAll(async () => {
    await payload.delete({ ...system, collection: 'comments', where: { article: { in: made.articleIds } } })
    await payload.delete({ ...system, collection: 'articles', where: { id: { in: made.articleIds } } })
    await payload.delete({ ...system, collection: 'authors', where: { id: { in: made.authorIds } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: made.categoryId } } })
    await cleanupStaff(payload, staff)
  })

  const comment = (status: CommentStatus, overrides: Record<string, unknown> = {}) =>
    payload.create({
      ...system,
      collection: 'comments',
      data: { article: ownArticle.id, authorName: 'Reader', authorEmail: `${uniqueTag()}@example.net`, body: `Remark ${uniqueTag()}`, status, ...overrides },
    })

  const tokenOf = (who: Who) => (who === 'anonymous' ? undefined : staff[who].token)

  const storedStatuses = async (ids: string[]) => {
    const { docs } = await payload.find({ ...system, collection: 'comments', where: { id: { in: ids } }, pagination: false })
    return ids.map((id) => docs.find((doc) => doc.id === id)?.status)
  }

  describe('status changes', () => {
    const cases = TRANSITIONS.flatMap(([action, from, to]) =>
      MODES.flatMap((mode) => WHO.map((who) => ({ action, from, to, mode, who, allowed: MAY_MODERATE.includes(who) }))),
    )

    it.each(cases)('$who: $action ($from → $to), $mode: allowed $allowed', async ({ from, to, mode, who, allowed }) => {
      const targets = mode === 'one at a time' ? [await comment(from)] : [await comment(from), await comment(from)]
      const ids = targets.map((target) => target.id)
      const path =
        mode === 'one at a time'
          ? `/comments/${ids[0]}`
          : `/comments?${ids.map((id, index) => `where[id][in][${index}]=${encodeURIComponent(id)}`).join('&')}`
      const { status } = await rest('PATCH', path, { token: tokenOf(who), body: { status: to } })

      const expected = allowed ? { status: 200, stored: ids.map(() => to) } : { status: 403, stored: ids.map(() => from) }
      expect({ status, stored: await storedStatuses(ids) }).toEqual(expected)
    })

    it('answers a bulk change with every comment it changed', async () => {
      const targets = [await comment('pending'), await comment('pending'), await comment('pending')]
      const query = targets.map((target, index) => `where[id][in][${index}]=${target.id}`).join('&')
      const { status, body } = await rest('PATCH', `/comments?${query}`, { token: staff.moderator.token, body: { status: 'approved' } })
      expect(status).toBe(200)
      expect(body.docs.map((doc: { id: string }) => doc.id).sort()).toEqual(targets.map((target) => target.id).sort())
      expect(body.errors).toEqual([])
    })

    it('never lets a moderator’s change reach other fields through the status form', async () => {
      const target = await comment('pending')
      const { status } = await rest('PATCH', `/comments/${target.id}`, {
        token: staff.moderator.token,
        body: { status: 'approved', ipHash: 'forged', userAgent: 'forged' },
      })
      const stored = await payload.findByID({ ...system, collection: 'comments', id: target.id })
      expect([status, stored.status, stored.ipHash, stored.userAgent]).toEqual([200, 'approved', target.ipHash ?? null, target.userAgent ?? null])
    })
  })

  /** A request as that account, as a server action builds it from the session; anonymous has none. */
  const requestAs = async (who: Who): Promise<PayloadRequest> => {
    if (who === 'anonymous') return createLocalReq({}, payload)
    const user = await payload.findByID({ ...system, collection: 'users', id: staff[who].id })
    return createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  }

  describe('the queue', () => {

    it('shows a moderator every comment of a status, with its article and the comment it answers', async () => {
      const parent = await comment('approved', { authorName: 'Leah', body: `The first word ${tag}` })
      const reply = await comment('pending', { parent: parent.id, authorName: 'Sam', authorEmail: `sam-${tag}@example.net` })
      const elsewhere = await comment('pending', { article: otherArticle.id })

      const queue = await loadQueue({ req: await requestAs('moderator'), status: 'pending', page: 1 })
      const row = queue.rows.find((r) => r.id === reply.id)
      expect(row).toMatchObject({
        status: 'pending',
        authorName: 'Sam',
        authorEmail: `sam-${tag}@example.net`,
        article: { id: ownArticle.id, title: ownArticle.title, path: `/mod-${tag}/${ownArticle.slug}` },
        parent: { id: parent.id, authorName: 'Leah', body: `The first word ${tag}`, status: 'approved' },
      })
      expect(queue.rows.map((r) => r.id)).toContain(elsewhere.id)
      expect(queue.rows.every((r) => r.status === 'pending')).toBe(true)
    })

    it('counts every status the way the database does', async () => {
      await comment('spam')
      await comment('trash')
      const queue = await loadQueue({ req: await requestAs('editor'), status: 'pending', page: 1 })
      const expected = Object.fromEntries(
        await Promise.all(
          (['pending', 'approved', 'spam', 'trash'] as const).map(async (status) => [
            status,
            (await payload.count({ ...system, collection: 'comments', where: { status: { equals: status } } })).totalDocs,
          ]),
        ),
      )
      expect(queue.counts).toEqual(expected)
      expect(queue.counts.spam).toBeGreaterThan(0)
    })

    it('shows a writer the held comments on their own articles only, without commenters’ addresses', async () => {
      const own = await comment('pending')
      const elsewhere = await comment('pending', { article: otherArticle.id })
      const queue = await loadQueue({ req: await requestAs('writer'), status: 'pending', page: 1 })
      const ids = queue.rows.map((r) => r.id)
      expect(ids).toContain(own.id)
      expect(ids).not.toContain(elsewhere.id)
      expect(queue.rows.map((r) => r.authorEmail).filter(Boolean)).toEqual([])
    })

    it('shows moderators why the rules filed a comment as spam, and writers not', async () => {
      const spam = await comment('spam', { spamReason: 'submitted 1.2s after the form was shown' })
      const asModerator = await loadQueue({ req: await requestAs('moderator'), status: 'spam', page: 1 })
      expect(asModerator.rows.find((r) => r.id === spam.id)?.ruleNote).toEqual({ verdict: 'spam', reason: 'submitted 1.2s after the form was shown' })
      const asWriter = await loadQueue({ req: await requestAs('writer'), status: 'spam', page: 1 })
      expect(asWriter.rows.map((r) => r.ruleNote).filter(Boolean)).toEqual([])
    })

    it('shows moderators why the rules held a reader’s comment, even after it was moved to spam', async () => {
      const links = 'See https://a.example/1 and https://a.example/2 and https://a.example/3'
      const posted = await rest('POST', '/comments', {
        body: { article: ownArticle.id, authorName: 'Linker', authorEmail: `linker-${uniqueTag()}@example.net`, body: `${links} ${uniqueTag()}` },
        headers: { 'x-forwarded-for': '203.0.113.71' },
      })
      expect(posted.status).toBe(201)
      const req = await requestAs('moderator')
      const held = (await loadQueue({ req, status: 'pending', page: 1 })).rows.find((r) => r.id === posted.body.doc.id)
      expect(held?.ruleNote).toEqual({ verdict: 'held', reason: '3 links (more than 2)' })
      await payload.update({ ...system, collection: 'comments', id: posted.body.doc.id, data: { status: 'spam' } })
      const moved = (await loadQueue({ req, status: 'spam', page: 1 })).rows.find((r) => r.id === posted.body.doc.id)
      expect(moved?.ruleNote).toEqual({ verdict: 'held', reason: '3 links (more than 2)' })
    })

    it('shows times on the newsroom’s clock', async () => {
      const target = await comment('pending', { authorName: `Summer ${tag}` })
      await payload.update({ ...system, collection: 'comments', id: target.id, data: { createdAt: '2026-07-01T12:00:00.000Z' } })
      const filters = parseFilters({ author: `Summer ${tag}` })
      const queue = await loadQueue({ req: await requestAs('moderator'), status: 'pending', page: 1, filters, timeZone: 'Europe/London' })
      expect([queue.timeZone, queue.rows.find((r) => r.id === target.id)?.createdAtLabel]).toEqual(['Europe/London', '1 Jul 2026, 13:00 BST'])
    })

    it('shows a contributor nothing that is not public', async () => {
      await comment('pending')
      const queue = await loadQueue({ req: await requestAs('contributor'), status: 'pending', page: 1 })
      expect([queue.rows, queue.counts.pending, queue.counts.spam, queue.counts.trash]).toEqual([[], 0, 0, 0])
    })
  })
  describe('searching the queue', () => {
    /** Comments of this block, each sent at a known moment. */
    const at = async (iso: string, overrides: Record<string, unknown>) => {
      const made = await comment('pending', overrides)
      await payload.update({ ...system, collection: 'comments', id: made.id, data: { createdAt: iso } })
      return made
    }
    const idsOf = async (who: Who, query: Record<string, string>, timeZone = 'UTC') =>
      (await loadQueue({ req: await requestAs(who), status: 'pending', page: 1, filters: parseFilters(query), timeZone })).rows.map((r) => r.id)

    it('narrows by article, name, email and days, each in the same tab', async () => {
      const name = `Quill ${tag}`
      const email = `quill-${tag}@example.net`
      const early = await at('2026-03-01T10:00:00.000Z', { authorName: name, authorEmail: email })
      const late = await at('2026-03-05T10:00:00.000Z', { authorName: name, article: otherArticle.id })
      const stranger = await at('2026-03-05T11:00:00.000Z', { authorName: `Stranger ${tag}` })

      expect(await idsOf('moderator', { author: `quill ${tag}` })).toEqual([late.id, early.id])
      expect(await idsOf('moderator', { email })).toEqual([early.id])
      expect(await idsOf('moderator', { email: `quill-${tag}@` })).toEqual([early.id])
      expect(await idsOf('moderator', { article: otherArticle.id, author: name })).toEqual([late.id])
      expect(await idsOf('moderator', { articleTitle: `Other ${tag}`, author: name })).toEqual([late.id])
      expect(await idsOf('moderator', { articleTitle: `No such title ${tag}` })).toEqual([])
      const march5 = await idsOf('moderator', { from: '2026-03-05', to: '2026-03-05' })
      expect([march5.includes(late.id), march5.includes(stranger.id), march5.includes(early.id)]).toEqual([true, true, false])
    })

    it('reads the days in the newsroom’s time zone', async () => {
      // 23:30 on 1 March in New York is already 2 March in UTC.
      const evening = await at('2026-03-02T04:30:00.000Z', { authorName: `Evening ${tag}` })
      expect(await idsOf('moderator', { author: `Evening ${tag}`, from: '2026-03-01', to: '2026-03-01' }, 'America/New_York')).toEqual([evening.id])
      expect(await idsOf('moderator', { author: `Evening ${tag}`, from: '2026-03-01', to: '2026-03-01' }, 'UTC')).toEqual([])
    })

    it('never lets a writer search by commenters’ addresses', async () => {
      const own = await comment('pending', { authorEmail: `hidden-${tag}@example.net` })
      const ids = await idsOf('writer', { email: `nobody-${tag}@example.net` })
      // The address filter does not exist for them: they see their article's held comments as before.
      expect(ids).toContain(own.id)
    })

    it('bounds every page: at most 100, and only the sizes offered', async () => {
      expect([parseFilters({ perPage: '100' }).perPage, parseFilters({ perPage: '100000' }).perPage, parseFilters({ perPage: '-1' }).perPage]).toEqual([100, 20, 20])
      expect([parseFilters({ article: "x' OR 1=1" }).article, parseFilters({ from: '2026-02-30' }).from]).toEqual(['', ''])
    })
  })

  describe('replying as the newsroom', () => {
    const REPLY_CASES = WHO.map((who) => ({ who, allowed: MAY_MODERATE.includes(who) }))

    it.each(REPLY_CASES)('$who: reply to a held comment, allowed $allowed', async ({ who, allowed }) => {
      const asked = await comment('pending')
      const result = await replyAsNewsroom({ req: await requestAs(who), commentId: asked.id, body: `Thanks for asking ${tag}` })
      const replies = await payload.find({ ...system, collection: 'comments', where: { parent: { equals: asked.id } } })
      const parentNow = await payload.findByID({ ...system, collection: 'comments', id: asked.id })
      if (!allowed) {
        expect([result.ok, !result.ok && result.status, replies.totalDocs, parentNow.status]).toEqual([false, 403, 0, 'pending'])
        return
      }
      expect(result).toMatchObject({ ok: true, approvedParent: true })
      expect(replies.docs.map(({ status, authorName, authorEmail, body, article }) => ({ status, authorName, authorEmail, body, article }))).toEqual([
        { status: 'approved', authorName: NEWSROOM.name, authorEmail: staff[who as Role].email, body: `Thanks for asking ${tag}`, article: ownArticle.id },
      ])
      expect(parentNow.status).toBe('approved')
    })

    it('shows readers the newsroom’s name, never the moderator’s address', async () => {
      const asked = await comment('approved')
      const result = await replyAsNewsroom({ req: await requestAs('moderator'), commentId: asked.id, body: `Public answer ${tag}` })
      expect(result).toMatchObject({ ok: true, approvedParent: false })
      const { status, body } = await rest('GET', `/comments?where[parent][equals]=${asked.id}&depth=0`)
      expect(status).toBe(200)
      expect(body.docs.map((doc: Record<string, unknown>) => [doc.authorName, doc.authorEmail, doc.status])).toEqual([[NEWSROOM.name, undefined, 'approved']])
    })

    it.each([
      ['too long', 'x'.repeat(5001), 400, 'A reply can be at most 5,000 characters long.'],
      ['empty', '   ', 400, 'Write the reply first.'],
      ['with more links than the settings allow', 'https://a.example https://b.example https://c.example', 400, 'The reply has 3 links; the discussion settings allow 2 in a comment. Remove some, or raise the limit in Discussion settings.'],
    ] as const)('refuses a reply %s, and publishes nothing', async (_case, body, status, message) => {
      const asked = await comment('pending')
      const result = await replyAsNewsroom({ req: await requestAs('moderator'), commentId: asked.id, body })
      const replies = await payload.count({ ...system, collection: 'comments', where: { parent: { equals: asked.id } } })
      const parentNow = await payload.findByID({ ...system, collection: 'comments', id: asked.id })
      expect([result, replies.totalDocs, parentNow.status]).toEqual([{ ok: false, status, message }, 0, 'pending'])
    })

    it('refuses to answer a comment in spam (409) or one that does not exist (404)', async () => {
      const req = await requestAs('moderator')
      const spam = await comment('spam')
      expect(await replyAsNewsroom({ req, commentId: spam.id, body: 'Hello' })).toMatchObject({ ok: false, status: 409 })
      expect(await replyAsNewsroom({ req, commentId: '00000000-0000-4000-8000-000000000000', body: 'Hello' })).toMatchObject({ ok: false, status: 404 })
      expect(await replyAsNewsroom({ req, commentId: 'not an id', body: 'Hello' })).toMatchObject({ ok: false, status: 404 })
    })

    it('emails the reader who asked to be told about replies', async () => {
      const reader = `asker-${tag}@example.net`
      const asked = await comment('approved', { authorEmail: reader, notifyOnReply: true })
      const sent: string[] = []
      const original = payload.sendEmail
      payload.sendEmail = async (message) => {
        sent.push(String(message?.to))
        return original.call(payload, message)
      }
      try {
        const result = await replyAsNewsroom({ req: await requestAs('moderator'), commentId: asked.id, body: `An answer for you ${tag}` })
        expect(result.ok).toBe(true)
      } finally {
        payload.sendEmail = original
      }
      expect(sent).toContain(reader)
    })

    it('keeps the newsroom’s name for the newsroom: a reader signing with it is refused', async () => {
      const { status, body } = await rest('POST', '/comments', {
        body: { article: ownArticle.id, authorName: ` ${NEWSROOM.name.toLowerCase()} `, authorEmail: `impostor-${tag}@example.net`, body: 'Official!' },
        headers: { 'x-forwarded-for': '203.0.113.72' },
      })
      expect([status, body.fields]).toEqual([400, { authorName: 'That name is the newsroom’s own signature. Please sign with your own name.' }])
    })
  })

  describe('quick edit', () => {
    it.each(WHO.map((who) => ({ who, allowed: MAY_MODERATE.includes(who) })))('$who: edits a comment’s text, allowed $allowed', async ({ who, allowed }) => {
      const target = await comment('pending')
      const { status } = await rest('PATCH', `/comments/${target.id}`, { token: tokenOf(who), body: { body: `Edited by ${who}` } })
      const stored = await payload.findByID({ ...system, collection: 'comments', id: target.id })
      expect([status, stored.body]).toEqual(allowed ? [200, `Edited by ${who}`] : [403, target.body])
    })

    it('refuses a text longer than a comment may be, with the field’s message', async () => {
      const target = await comment('pending')
      const { status, body } = await rest('PATCH', `/comments/${target.id}`, { token: tokenOf('moderator'), body: { body: 'x'.repeat(5001) } })
      expect([status, body.errors[0].data.errors[0].message]).toEqual([400, 'Your comment can be at most 5,000 characters long.'])
      expect((await payload.findByID({ ...system, collection: 'comments', id: target.id })).body).toBe(target.body)
    })
  })

  describe('deleting for good', () => {
    const exists = async (ids: string[]) => (await payload.count({ ...system, collection: 'comments', where: { id: { in: ids } } })).totalDocs

    it.each(WHO.map((who) => ({ who, allowed: who === 'admin' })))('$who: delete forever from spam and the trash, allowed $allowed', async ({ who, allowed }) => {
      const targets = [await comment('spam'), await comment('trash')]
      const ids = targets.map((target) => target.id)
      const result = await deleteForever({ req: await requestAs(who), ids })
      if (allowed) expect([result.ok && [...result.deleted].sort(), await exists(ids)]).toEqual([[...ids].sort(), 0])
      else expect([result.ok, !result.ok && result.status, await exists(ids)]).toEqual([false, 403, 2])
    })

    it('deletes only what is in spam or the trash: a published comment goes to the trash first', async () => {
      const published = await comment('approved')
      const result = await deleteForever({ req: await requestAs('admin'), ids: [published.id] })
      expect([result, await exists([published.id])]).toEqual([{ ok: false, status: 409, message: 'Only comments in Spam or the Trash can be deleted for good: move the others there first.' }, 1])
    })

    it('refuses more than a hundred at a time', async () => {
      const ids = Array.from({ length: 101 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`)
      expect(await deleteForever({ req: await requestAs('admin'), ids })).toMatchObject({ ok: false, status: 400 })
    })

    it.each(WHO.map((who) => ({ who, allowed: who === 'admin' })))('$who: empty spam, allowed $allowed', async ({ who, allowed }) => {
      const spam = [await comment('spam'), await comment('spam'), await comment('spam')]
      const kept = [await comment('trash'), await comment('pending')]
      const before = (await payload.count({ ...system, collection: 'comments', where: { status: { equals: 'spam' } } })).totalDocs
      const result = await emptyFolder({ req: await requestAs(who), status: 'spam' })
      const after = (await payload.count({ ...system, collection: 'comments', where: { status: { equals: 'spam' } } })).totalDocs
      if (allowed) expect([result, after, await exists(kept.map((c) => c.id))]).toEqual([{ ok: true, deleted: before }, 0, 2])
      else expect([result.ok, !result.ok && result.status, after, await exists(spam.map((c) => c.id))]).toEqual([false, 403, before, 3])
    })

    it('empties spam in batches of a hundred', async () => {
      await payload.delete({ ...system, collection: 'comments', where: { status: { equals: 'spam' } } })
      for (let index = 0; index < 105; index++) await comment('spam')
      expect(await emptyFolder({ req: await requestAs('admin'), status: 'spam' })).toEqual({ ok: true, deleted: 105 })
    })

    it('empties only spam or the trash', async () => {
      expect(await emptyFolder({ req: await requestAs('admin'), status: 'approved' })).toMatchObject({ ok: false, status: 400 })
    })
  })
})
