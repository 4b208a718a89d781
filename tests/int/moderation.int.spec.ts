import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'
import type { CommentStatus } from '@/comments/policy'

import { loadQueue } from '@/admin/moderation/queue'

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

  describe('the queue', () => {
    const requestAs = async (role: Role): Promise<PayloadRequest> => {
      const user = await payload.findByID({ ...system, collection: 'users', id: staff[role].id })
      return createLocalReq({ user: { ...user, collection: 'users' } }, payload)
    }

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
      expect(asModerator.rows.find((r) => r.id === spam.id)?.spamReason).toBe('submitted 1.2s after the form was shown')
      const asWriter = await loadQueue({ req: await requestAs('writer'), status: 'spam', page: 1 })
      expect(asWriter.rows.map((r) => r.spamReason).filter(Boolean)).toEqual([])
    })

    it('shows a contributor nothing that is not public', async () => {
      await comment('pending')
      const queue = await loadQueue({ req: await requestAs('contributor'), status: 'pending', page: 1 })
      expect([queue.rows, queue.counts.pending, queue.counts.spam, queue.counts.trash]).toEqual([[], 0, 0, 0])
    })
  })
})
