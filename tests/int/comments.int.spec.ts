import type { Payload } from 'payload'

import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'

import type { Newsroom, StaffUser } from '../helpers/fixtures'

import { PENDING_LIMITS } from '@/comments/submit'
import { hashIp } from '@/lib/ipAddress'

import { cleanupNewsroom, cleanupStaff, seedNewsroom, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const
const ROLES: Role[] = ['admin', 'editor', 'writer', 'moderator']

let ipCounter = 0
/** A fresh sender each time, so flood control only fires where a test means it to. */
const sender = () => ({ 'x-forwarded-for': `198.51.100.${++ipCounter}`, 'user-agent': 'vitest-reader' })

/** Payload's ValidationError body, as { path: message }. */
const fieldErrors = (body: any): Record<string, string> =>
  Object.fromEntries((body?.errors?.[0]?.data?.errors ?? []).map((e: { path: string; message: string }) => [e.path, e.message]))

describe('Comments', () => {
  let payload: Payload
  let newsroom: Newsroom
  let staff: Record<Role, StaffUser>
  let closedArticleId: string

  beforeAll(async () => {
    payload = await getTestPayload()
    newsroom = await seedNewsroom(payload)
    staff = await seedStaff(payload, ROLES)
    const closed = await payload.create({
      ...system,
      collection: 'articles',
      data: {
        title: `Closed ${newsroom.tag}`,
        slug: `closed-${newsroom.tag}`,
        category: newsroom.categoryId,
        authors: [newsroom.authorId],
        commentsOpen: false,
        _status: 'published',
      },
    })
    closedArticleId = closed.id
  })

  afterAll(async () => {
    await payload.delete({ ...system, collection: 'comments', where: { article: { equals: closedArticleId } } })
    await payload.delete({ ...system, collection: 'articles', where: { id: { equals: closedArticleId } } })
    await cleanupNewsroom(payload, newsroom)
    await cleanupStaff(payload, staff)
  })

  const comment = (overrides: Record<string, unknown> = {}) => ({
    article: newsroom.published.id,
    authorName: 'Reader',
    authorEmail: `${uniqueTag()}@example.net`,
    body: `Thoughtful remark ${uniqueTag()}`,
    ...overrides,
  })
  const post = (body: Record<string, unknown>, options: { headers?: Record<string, string>; token?: string } = {}) =>
    rest('POST', '/comments', { body, headers: options.headers ?? sender(), token: options.token })
  /** A body exactly as given, with the content type given (or none). */
  const postRaw = async ({ contentType, raw }: { contentType: string | undefined; raw: string }) => {
    const request = new Request('http://localhost:3000/api/comments', {
      method: 'POST',
      headers: { ...sender(), ...(contentType ? { 'content-type': contentType } : {}) },
      body: raw,
    })
    const response = await REST_POST(config)(request, { params: Promise.resolve({ slug: ['comments'] }) })
    return { status: response.status, body: await response.json() }
  }

  describe('submit', () => {
    it('holds an anonymous reader’s comment and answers 201 with its id and status', async () => {
      const { status, body } = await post(comment())
      expect(status).toBe(201)
      expect(body.doc).toMatchObject({ id: expect.any(String), status: 'pending' })
    })

    it('answers with the article as an id, and populated only when the client asks for a depth', async () => {
      const plain = await post(comment())
      expect(plain.body.doc.article).toBe(newsroom.published.id)
      const deep = await rest('POST', '/comments?depth=1', { body: comment(), headers: sender() })
      expect(deep.body.doc.article).toMatchObject({ id: newsroom.published.id })
    })

    it('answers 400 with the reference page’s message for each field', async () => {
      const { status, body } = await post({ article: newsroom.published.id, authorEmail: 'nope' })
      expect(status).toBe(400)
      expect(fieldErrors(body)).toEqual({
        body: 'Please enter your comment!',
        authorName: 'Please enter your name here',
        authorEmail: 'You have entered an incorrect email address!',
      })
    })

    it('gives each field its message in a map a script can show beside the field, with a message that says what to do', async () => {
      const { status, body } = await post({ article: newsroom.published.id, authorEmail: 'nope' })
      expect(status).toBe(400)
      expect(body.fields).toEqual({
        body: 'Please enter your comment!',
        authorName: 'Please enter your name here',
        authorEmail: 'You have entered an incorrect email address!',
      })
      expect(body.message).toBe('Your comment could not be posted. Please check the fields marked below.')
      expect(body.errors[0].message).not.toMatch(/following fields are invalid/)
    })

    it.each([
      ['text/plain', 'text/plain', 'Lovely piece.'],
      ['the JSON 42', 'application/json', '42'],
      ['the JSON null', 'application/json', 'null'],
      ['the JSON "x"', 'application/json', '"x"'],
      ['a JSON array', 'application/json', '[]'],
      ['no content type', undefined, '{"body":"x"}'],
    ])('answers 400 with a message to a body sent as %s', async (_, contentType, raw) => {
      const response = await postRaw({ contentType, raw })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toBe(
        'Send the comment as a JSON object of its fields, with Content-Type: application/json.',
      )
    })

    it.each([
      ['authorUrl', []],
      ['parent', true],
      ['article', 'object with $ne'],
      ['authorName', { $ne: null }],
      ['notifyOnReply', 'yes'],
    ])('refuses %s of the wrong type with 400 and stores nothing', async (field, value) => {
      const body = `Typed ${uniqueTag()}`
      const wrong = value === 'object with $ne' ? { id: newsroom.published.id, $ne: null } : value
      const { status, body: response } = await post({ ...comment({ body }), [field]: wrong })
      expect(status).toBe(400)
      expect(Object.keys(response.fields)).toEqual([field])
      expect((await payload.count({ ...system, collection: 'comments', where: { body: { equals: body } } })).totalDocs).toBe(0)
    })

    it('strips control characters and lone surrogates from what it stores', async () => {
      const tag = uniqueTag()
      const { status, body } = await post(comment({ authorName: 'Ada\u0000\u0007 Lovelace', body: `Bell\u0007 and \uD800half ${tag} 😀` }))
      expect(status).toBe(201)
      const stored = await payload.findByID({ ...system, collection: 'comments', id: body.doc.id })
      expect([stored.authorName, stored.body]).toEqual(['Ada Lovelace', `Bell and half ${tag} 😀`])
    })

    it('refuses a website that is not http(s)', async () => {
      const { status, body } = await post(comment({ authorUrl: 'javascript:alert(1)' }))
      expect(status).toBe(400)
      expect(fieldErrors(body)).toEqual({ authorUrl: 'Please enter a website address starting with https:// or http://.' })
    })

    it('answers 403 "Comments are closed." on a closed article', async () => {
      const { status, body } = await post(comment({ article: closedArticleId }))
      expect(status).toBe(403)
      expect(body.errors[0].message).toBe('Comments are closed.')
    })

    it('refuses comments on a draft', async () => {
      const { status } = await post(comment({ article: newsroom.draft.id }))
      expect(status).toBe(400)
    })

    it('answers 429 with Retry-After to a second comment from the same IP within 15 seconds', async () => {
      const headers = sender()
      expect((await post(comment(), { headers })).status).toBe(201)
      const second = await post(comment(), { headers })
      expect(second.status).toBe(429)
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(15)
    })

    it('answers 429 to a second comment under the same email from another IP', async () => {
      const authorEmail = `${uniqueTag()}@example.net`
      expect((await post(comment({ authorEmail }))).status).toBe(201)
      expect((await post(comment({ authorEmail }))).status).toBe(429)
    })

    it('does not hold staff to the flood window', async () => {
      const headers = sender()
      expect((await post(comment(), { headers, token: staff.writer.token })).status).toBe(201)
      expect((await post(comment(), { headers, token: staff.writer.token })).status).toBe(201)
    })

    it('refuses the same body on the same article with a message', async () => {
      const body = `Same again ${uniqueTag()}`
      expect((await post(comment({ body }))).status).toBe(201)
      const { status, body: response } = await post(comment({ body }))
      expect(status).toBe(409)
      expect(response.errors[0].message).toMatch(/already said that/)
    })

    it('marks a comment whose honeypot is filled in as spam, and records why for moderators only', async () => {
      const { status, body } = await post({ ...comment(), phone: '555-0100' })
      expect(status).toBe(201)
      expect(body.doc.status).toBe('spam')
      expect(body.doc.spamReason).toBeUndefined()
      const stored = await payload.findByID({ ...system, collection: 'comments', id: body.doc.id })
      expect(stored.spamReason).toBe('honeypot filled in')
    })

    it.each([
      ['anonymous', false],
      ['writer', false],
      ['editor', true],
      ['moderator', true],
      ['admin', true],
    ] as const)('spamReason read by %s: %s', async (who, sees) => {
      const token = who === 'anonymous' ? undefined : staff[who].token
      const spam = await payload.create({
        ...system,
        collection: 'comments',
        data: { ...comment(), status: 'spam', spamReason: 'blocked word "casino"' },
      })
      // Anonymous readers see no spam at all; a writer may see it on their own article, never its reason.
      const { body } = await rest('GET', `/comments?where[id][equals]=${spam.id}&depth=0`, { token })
      const doc = body.docs?.[0]
      expect(doc?.spamReason === 'blocked word "casino"').toBe(sees)
    })

    it('refuses spamReason from a client, and lets a moderator clear it', async () => {
      const { body } = await post({ ...comment(), spamReason: 'forged' })
      const stored = await payload.findByID({ ...system, collection: 'comments', id: body.doc.id })
      // What the rules wrote (why it was held), not what the client sent.
      expect(stored.spamReason ?? null).toBe('held: every comment is held')
      const spam = await payload.create({ ...system, collection: 'comments', data: { ...comment(), status: 'spam', spamReason: 'honeypot filled in' } })
      const cleared = await rest('PATCH', `/comments/${spam.id}`, { token: staff.moderator.token, body: { status: 'approved', spamReason: null } })
      expect(cleared.status).toBe(200)
      expect((await payload.findByID({ ...system, collection: 'comments', id: spam.id })).spamReason ?? null).toBeNull()
    })

    it('approves a commenter who has an approved comment under the same name and email', async () => {
      const authorEmail = `known-${uniqueTag()}@example.net`
      const earlier = new Date(Date.now() - 60_000).toISOString()
      await payload.create({ ...system, collection: 'comments', data: { ...comment({ authorEmail }), status: 'approved', createdAt: earlier } })
      const { status, body } = await post(comment({ authorEmail: authorEmail.toUpperCase() }))
      expect(status).toBe(201)
      expect(body.doc.status).toBe('approved')
    })

    it('holds a stranger who signs with a regular’s email under another name, another website, or with a link', async () => {
      const authorEmail = `regular-${uniqueTag()}@example.net`
      const earlier = new Date(Date.now() - 60_000).toISOString()
      await payload.create({
        ...system,
        collection: 'comments',
        data: { ...comment({ authorEmail, authorName: 'Regular Reader' }), status: 'approved', createdAt: earlier },
      })
      const attempts = [
        comment({ authorEmail, authorName: 'Site Support' }),
        comment({ authorEmail, authorName: 'Regular Reader', authorUrl: 'https://phish.example' }),
        comment({ authorEmail, authorName: 'Regular Reader', body: `Log in again at https://phish.example/login ${uniqueTag()}` }),
      ]
      const statuses = []
      for (const attempt of attempts) {
        const { status, body } = await post(attempt)
        expect(status).toBe(201)
        statuses.push(body.doc.status)
        // The email is shared by design: age this attempt past the flood window for the next one.
        await payload.update({ ...system, collection: 'comments', id: body.doc.id, data: { createdAt: earlier } })
      }
      expect(statuses).toEqual(['pending', 'pending', 'pending'])
    })

    it(`refuses a sender’s comment with 429 once ${PENDING_LIMITS.perClient} of theirs wait for moderation`, async () => {
      const headers = sender()
      const ipHash = hashIp({ ip: headers['x-forwarded-for'], secret: payload.secret })
      const earlier = new Date(Date.now() - 60_000).toISOString()
      for (let i = 0; i < PENDING_LIMITS.perClient; i++) {
        await payload.create({ ...system, collection: 'comments', data: { ...comment(), status: 'pending', ipHash, createdAt: earlier } })
      }
      const { status, body } = await post(comment(), { headers })
      expect(status).toBe(429)
      expect(body.errors[0].message).toBe(`You already have ${PENDING_LIMITS.perClient} comments waiting for moderation. Please wait until a moderator has read them.`)
      await payload.update({ ...system, collection: 'comments', where: { ipHash: { equals: ipHash } }, data: { status: 'approved' } })
      expect((await post(comment(), { headers })).status).toBe(201)
    })

    it('holds a comment with three links for moderation', async () => {
      await withSettings({ holdAll: false }, async () => {
        expect((await post(comment())).body.doc.status).toBe('approved')
        const links = 'https://a.example https://b.example https://c.example'
        expect((await post(comment({ body: `${links} ${uniqueTag()}` }))).body.doc.status).toBe('pending')
      })
    })

    it('marks blocked words as spam and holds moderation words', async () => {
      await withSettings({ holdAll: false, blockedWords: 'casino', moderationWords: 'crypto' }, async () => {
        expect((await post(comment({ authorName: 'Casino Royale' }))).body.doc.status).toBe('spam')
        expect((await post(comment({ authorUrl: 'https://crypto.example' }))).body.doc.status).toBe('pending')
      })
    })

    it('ignores status and private fields a client tries to set', async () => {
      const { body } = await post({ ...comment(), status: 'approved', ipHash: 'forged', userAgent: 'forged' })
      const stored = await payload.findByID({ ...system, collection: 'comments', id: body.doc.id })
      expect([stored.status, stored.ipHash === 'forged', stored.userAgent]).toEqual(['pending', false, 'vitest-reader'])
    })

    it('lets a moderator create a comment with the status they choose', async () => {
      const { status, body } = await post({ ...comment(), status: 'approved' }, { token: staff.moderator.token })
      expect([status, body.doc.status]).toEqual([201, 'approved'])
    })
  })

  describe('replies', () => {
    it('accepts a reply to an approved comment', async () => {
      const { status, body } = await post(comment({ parent: newsroom.comments.approved.id }))
      expect(status).toBe(201)
      expect(body.doc.parent).toBe(newsroom.comments.approved.id)
    })

    it('refuses a reply to a held comment', async () => {
      const { status, body } = await post(comment({ parent: newsroom.comments.pending.id }))
      expect(status).toBe(400)
      expect(fieldErrors(body)).toEqual({ parent: 'The comment you are replying to is not available.' })
    })

    it('refuses a reply deeper than the thread depth', async () => {
      let parent = newsroom.comments.approved.id
      for (let level = 2; level <= 3; level++) {
        const reply = await payload.create({ ...system, collection: 'comments', data: { ...comment({ parent }), status: 'approved' } })
        parent = reply.id
      }
      const { status, body } = await post(comment({ parent }))
      expect(status).toBe(400)
      expect(fieldErrors(body)).toEqual({ parent: 'Replies cannot be nested any deeper here.' })
    })
  })

  describe('discussion settings', () => {
    it.each([
      ['anonymous', 403],
      ['writer', 200],
      ['moderator', 200],
    ] as const)('%s reading them: %i', async (who, expected) => {
      const { status } = await rest('GET', '/globals/discussion', { token: who === 'anonymous' ? undefined : staff[who].token })
      expect(status).toBe(expected)
    })

    it.each([
      ['writer', 403],
      ['moderator', 403],
      ['editor', 200],
      ['admin', 200],
    ] as const)('%s changing them: %i', async (who, expected) => {
      const { status } = await rest('POST', '/globals/discussion', { token: staff[who].token, body: { maxLinks: 2 } })
      expect(status).toBe(expected)
    })
  })

  /** Runs with the settings changed, then puts the defaults back for the other tests. */
  async function withSettings(data: Record<string, unknown>, run: () => Promise<void>) {
    await payload.updateGlobal({ ...system, slug: 'discussion', data })
    try {
      await run()
    } finally {
      await payload.updateGlobal({
        ...system,
        slug: 'discussion',
        data: { holdAll: true, approveKnownCommenters: true, maxLinks: 2, moderationWords: '', blockedWords: '' },
      })
    }
  }
})
