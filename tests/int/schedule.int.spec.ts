import type { Payload, PayloadRequest } from 'payload'

import { getUpcomingScheduledPublishHandler, schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { createLocalReq } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { StaffUser } from '../helpers/fixtures'

import { QUEUE_CRON } from '@/jobs/config'
import { readTimeZone } from '@/lib/env'
import { startJobQueue } from '@/jobs/startQueue'

import { findStoredRow } from '../helpers/belowPayload'
import { cleanupStaff, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

/**
 * Scheduled publishing (issue #5): a writer picks a time in the admin's schedule drawer, Payload
 * queues a `schedulePublish` job, and the jobs runner publishes the article at that time with
 * nobody logged in. The schedule is made and cancelled through the same server functions the
 * drawer calls, and run with `payload.jobs.run()`, which is what the server's cron and
 * `npm run jobs` call.
 */

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const
/** Far enough ahead to check that nothing runs early, near enough to keep the test quick. */
const LEAD_MS = 1500

type ServerFunctionContext = Pick<Parameters<typeof schedulePublishHandler>[0], 'cookies' | 'importMap' | 'locale' | 'permissions' | 'req' | 'user'>

/** What Payload hands its admin server functions; these two only use the request. */
const asServerFunction = (req: PayloadRequest): ServerFunctionContext => ({
  importMap: {},
  req,
  user: req.user,
  cookies: new Map(),
  locale: undefined,
  permissions: { canAccessAdmin: true, collections: {}, globals: {} },
})

const sleepUntil = async (date: Date) => {
  const wait = date.getTime() - Date.now() + 20
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
}

describe('Scheduled publishing', () => {
  let payload: Payload
  let writer: StaffUser
  let writerReq: PayloadRequest
  let authorId: string
  let categoryId: string
  const made: string[] = []

  beforeAll(async () => {
    payload = await getTestPayload()
    writer = (await seedStaff(payload, ['writer'])).writer
    const tag = uniqueTag()
    authorId = (await payload.create({ ...system, collection: 'authors', data: { name: `Writer ${tag}`, slug: `writer-${tag}`, user: writer.id } })).id
    categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `Sched ${tag}`, slug: `sched-${tag}` } })).id
    const user = await payload.findByID({ ...system, collection: 'users', id: writer.id })
    writerReq = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  })

  afterEach(async () => {
    // Jobs left over from a test (a junk one from the drawer's delete, a failed run) go with it.
    if (made.length > 0) await payload.delete({ ...system, collection: 'payload-jobs', where: { 'input.doc.value': { in: made } } })
  })

  afterAll(async () => {
    if (made.length > 0) await payload.delete({ ...system, collection: 'articles', where: { id: { in: made } } })
    await payload.delete({ ...system, collection: 'authors', where: { id: { equals: authorId } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
    await cleanupStaff(payload, { writer })
  })

  const draft = async (title = `Scheduled ${uniqueTag()}`) => {
    const doc = await payload.create({ ...system, collection: 'articles', draft: true, data: { title, category: categoryId, authors: [authorId], _status: 'draft' } })
    made.push(doc.id)
    return doc
  }

  const schedule = async (id: string, date: Date) => {
    const result = await schedulePublishHandler({ type: 'publish', date, doc: { relationTo: 'articles', value: id }, ...asServerFunction(writerReq) })
    expect(result).not.toHaveProperty('error')
  }

  const upcoming = (id: string) => getUpcomingScheduledPublishHandler({ id, collectionSlug: 'articles', ...asServerFunction(writerReq) })

  const publicView = async (id: string) => {
    const { status, body } = await rest('GET', `/articles/${id}?depth=0`)
    return status === 200 ? (body as { title: string; _status: string; publishedAt: string | null }) : null
  }

  it('starts the queue’s cron in the server process at boot (instrumentation.ts)', async () => {
    await startJobQueue()
    expect(payload.crons.map((cron) => cron.getPattern())).toContain(QUEUE_CRON)
  })

  it('publishes a draft at its time, sets publishedAt, and readers can then read it', async () => {
    const article = await draft()
    const at = new Date(Date.now() + LEAD_MS)
    await schedule(article.id, at)
    expect((await upcoming(article.id)).map((job) => job.input.type)).toEqual(['publish'])

    // Before its time, the runner leaves it alone.
    await payload.jobs.run()
    expect(await publicView(article.id)).toBeNull()

    await sleepUntil(at)
    await payload.jobs.run()

    const published = await publicView(article.id)
    expect(published?._status).toBe('published')
    expect(Date.parse(published?.publishedAt ?? '')).toBeGreaterThanOrEqual(at.getTime())
    expect(await upcoming(article.id)).toEqual([])
  })

  it('publishes the newest draft of an article already live, and keeps its first publish date', async () => {
    const article = await draft()
    const first = await payload.update({ ...system, collection: 'articles', id: article.id, data: { _status: 'published' } })
    const revised = `Revised ${uniqueTag()}`
    await payload.update({ ...system, collection: 'articles', id: article.id, draft: true, data: { title: revised } })
    expect((await publicView(article.id))?.title).toBe(article.title)

    const at = new Date(Date.now() + LEAD_MS)
    await schedule(article.id, at)
    await sleepUntil(at)
    await payload.jobs.run()

    const live = await publicView(article.id)
    expect(live?.title).toBe(revised)
    expect(live?.publishedAt).toBe(first.publishedAt)
  })

  it('never publishes a cancelled schedule', async () => {
    const article = await draft()
    const at = new Date(Date.now() + LEAD_MS)
    await schedule(article.id, at)
    const [job] = await upcoming(article.id)
    expect(job).toBeDefined()

    // The drawer's delete button: the same server function with the job's id.
    await schedulePublishHandler({ deleteID: job?.id, ...asServerFunction(writerReq) })
    expect(await upcoming(article.id)).toEqual([])

    await sleepUntil(at)
    await payload.jobs.run()
    expect(await publicView(article.id)).toBeNull()
    const stored = await payload.findByID({ ...system, collection: 'articles', id: article.id, draft: true })
    expect(stored._status).toBe('draft')
  })

  it('moves a schedule: the old time passes without a publish, the new one publishes', async () => {
    const article = await draft()
    await schedule(article.id, new Date(Date.now() + 60 * 60 * 1000))
    const [old] = await upcoming(article.id)
    const at = new Date(Date.now() + LEAD_MS)
    await schedulePublishHandler({ deleteID: old?.id, ...asServerFunction(writerReq) })
    await schedule(article.id, at)
    expect((await upcoming(article.id)).map((job) => new Date(String(job.waitUntil)).getTime())).toEqual([at.getTime()])

    await sleepUntil(at)
    await payload.jobs.run()
    expect((await publicView(article.id))?._status).toBe('published')
  })

  it('refuses to schedule an article for someone who may not publish it', async () => {
    const contributor = (await seedStaff(payload, ['contributor'])).contributor
    try {
      const user = await payload.findByID({ ...system, collection: 'users', id: contributor.id })
      const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
      const article = await draft()
      await expect(getUpcomingScheduledPublishHandler({ id: article.id, collectionSlug: 'articles', ...asServerFunction(req) })).rejects.toThrow()
      // Even queued by hand, the job publishes as the person who scheduled it, and access refuses.
      const at = new Date(Date.now() + 200)
      await schedulePublishHandler({ type: 'publish', date: at, doc: { relationTo: 'articles', value: article.id }, ...asServerFunction(req) })
      await sleepUntil(at)
      await payload.jobs.run()
      expect(await publicView(article.id)).toBeNull()
    } finally {
      await cleanupStaff(payload, { contributor })
    }
  })

  describe('in the newsroom’s time zone', () => {
    // The admin's date field shows publishedAt in the zone its `publishedAt_tz` sibling names;
    // that sibling is virtual (src/admin/timeZones.ts), so it always names BYLINE_TIME_ZONE.
    const zone = readTimeZone()

    it('is the admin’s default zone, in which the Schedule drawer reads times', () => {
      expect(payload.config.admin.timezones.defaultTimezone).toBe(zone)
    })

    it('reads every article’s publishedAt in the newsroom’s zone, and stores no zone of its own', async () => {
      const other = zone === 'Asia/Tokyo' ? 'America/New_York' : 'Asia/Tokyo'
      const publishedAt = '2026-06-15T14:30:00.000Z'
      const tag = uniqueTag()
      const created = await payload.create({
        ...system,
        collection: 'articles',
        data: { title: `Zoned ${tag}`, slug: `zoned-${tag}`, category: categoryId, authors: [authorId], _status: 'published', publishedAt, publishedAt_tz: other },
      })
      made.push(created.id)
      expect(created.publishedAt_tz).toBe(zone)
      const read = await payload.findByID({ ...system, collection: 'articles', id: created.id })
      expect(read.publishedAt).toBe(publishedAt)
      expect(read.publishedAt_tz).toBe(zone)
      // An edit that names another zone changes nothing stored: the instant stays, the zone is the newsroom's.
      const updated = await payload.update({ ...system, collection: 'articles', id: created.id, data: { publishedAt_tz: other } })
      expect(updated.publishedAt).toBe(publishedAt)
      expect(updated.publishedAt_tz).toBe(zone)
      // Below Payload there is no such column: the adapter returns none.
      const row = await findStoredRow({ payload, collection: 'articles', id: created.id })
      expect(row?.publishedAt).toBe(publishedAt)
      expect(row).not.toHaveProperty('publishedAt_tz')
      // The version history carries the same.
      const { docs } = await payload.findVersions({ ...system, collection: 'articles', where: { parent: { equals: created.id } } })
      expect(docs.length).toBeGreaterThan(0)
      for (const version of docs) expect(version.version.publishedAt_tz).toBe(zone)
    })
  })
})
