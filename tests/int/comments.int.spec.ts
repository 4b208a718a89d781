import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'

import type { Newsroom, StaffUser } from '../helpers/fixtures'

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

    it('marks a comment whose honeypot is filled in as spam', async () => {
      const { status, body } = await post({ ...comment(), phone: '555-0100' })
      expect(status).toBe(201)
      expect(body.doc.status).toBe('spam')
    })

    it('approves a commenter who has an approved comment under the same email', async () => {
      const authorEmail = `known-${uniqueTag()}@example.net`
      const earlier = new Date(Date.now() - 60_000).toISOString()
      await payload.create({ ...system, collection: 'comments', data: { ...comment({ authorEmail }), status: 'approved', createdAt: earlier } })
      const { status, body } = await post(comment({ authorEmail: authorEmail.toUpperCase() }))
      expect(status).toBe(201)
      expect(body.doc.status).toBe('approved')
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
