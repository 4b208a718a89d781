import type { Payload } from 'payload'

import config from '@payload-config'
import { Redis } from 'ioredis'
import { randomBytes } from 'node:crypto'
import { getPayload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { Lease } from '@/jobs/lease'

import { createLease, createQueueGate, jobsLeaseKey, jobsQueueGate, leaseConnection } from '@/jobs/lease'
import { runQueueOnce } from '@/jobs/runOnce'
import { MAX_INTERRUPTIONS, sweepStalledJobs } from '@/jobs/stalledJobs'
import { ConfigurationError, readEnv } from '@/lib/env'

import { uniqueTag } from '../helpers/fixtures'

/**
 * Jobs run exactly once across instances (issue #7): a Redis lease decides which process runs
 * the queue, and jobs left `processing` by a runner that died go back to the queue. Real Redis
 * (a prefix of its own per run) and two Payload instances on the run's database, each with its
 * own connection pool, standing in for two app servers.
 */

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `byline-test-${randomBytes(4).toString('hex')}:`
const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('Jobs lease', () => {
  const connections: Redis[] = []
  const connect = () => {
    const redis = new Redis(REDIS_URL)
    connections.push(redis)
    return redis
  }
  let n = 0
  /** A lease on a connection of its own, as each app process has. */
  const contender = (owner: string, ttlMs = 30_000, key = `${prefix}lease-${++n}`): Lease => createLease({ redis: connect(), key, owner, ttlMs })

  afterAll(async () => {
    const redis = connect()
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length > 0) await redis.del(...keys)
    await Promise.all(connections.map((connection) => connection.quit()))
  })

  it('gives the lease to exactly one of two contenders asking at the same moment', async () => {
    const key = `${prefix}race`
    for (let round = 0; round < 20; round++) {
      const a = contender(`a${round}`, 30_000, `${key}-${round}`)
      const b = contender(`b${round}`, 30_000, `${key}-${round}`)
      const [gotA, gotB] = await Promise.all([a.acquire(), b.acquire()])
      expect([gotA, gotB].filter(Boolean)).toHaveLength(1)
      expect(await a.holder()).toBe(gotA ? a.owner : b.owner)
    }
  })

  it('renews only for its holder, and a loser can neither renew nor release it', async () => {
    const key = `${prefix}owner`
    const a = contender('a', 30_000, key)
    const b = contender('b', 30_000, key)
    expect(await a.acquire()).toBe(true)
    expect(await a.acquire()).toBe(true)
    expect(await b.acquire()).toBe(false)
    expect(await b.renew()).toBe(false)
    expect(await b.release()).toBe(false)
    expect(await a.holder()).toBe(a.owner)
    expect(await a.release()).toBe(true)
    expect(await a.holder()).toBeNull()
    expect(await b.acquire()).toBe(true)
  })

  it('hands over when its holder stops renewing, and the old holder cannot delete its successor’s lease', async () => {
    const key = `${prefix}expiry`
    const a = contender('a', 300, key)
    const b = contender('b', 300, key)
    expect(await a.acquire()).toBe(true)
    expect(await b.acquire()).toBe(false)
    await sleep(400)
    expect(await b.acquire()).toBe(true)
    expect(await a.renew()).toBe(false)
    expect(await a.release()).toBe(false)
    expect(await b.holder()).toBe(b.owner)
  })

  it('stays with a holder that keeps it alive through a run longer than its TTL', async () => {
    const key = `${prefix}keepalive`
    const a = contender('a', 300, key)
    const b = contender('b', 300, key)
    expect(await a.acquire()).toBe(true)
    a.keepAlive()
    await sleep(1000)
    expect(await b.acquire()).toBe(false)
    expect(a.held).toBe(true)
    await a.release()
    expect(await b.acquire()).toBe(true)
  })
})

describe('Jobs queue across instances', () => {
  let first: Payload
  let second: Payload
  let redis: Redis[] = []
  let categoryId: string
  let authorId: string
  const articles: string[] = []

  beforeAll(async () => {
    first = await getPayload({ config })
    second = await getPayload({ config, key: 'second-instance' })
    const tag = uniqueTag()
    categoryId = (await first.create({ ...system, collection: 'categories', data: { name: `Lease ${tag}`, slug: `lease-${tag}` } })).id
    authorId = (await first.create({ ...system, collection: 'authors', data: { name: `Lease ${tag}`, slug: `lease-${tag}` } })).id
  })

  afterEach(async () => {
    await Promise.all(redis.map((connection) => connection.quit()))
    redis = []
  })

  afterAll(async () => {
    if (articles.length > 0) {
      await first.delete({ ...system, collection: 'payload-jobs', where: { 'input.doc.value': { in: articles } } })
      await first.delete({ ...system, collection: 'articles', where: { id: { in: articles } } })
    }
    await first.delete({ ...system, collection: 'authors', where: { id: { equals: authorId } } })
    await first.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
    await second.destroy()
    const cleanup = new Redis(REDIS_URL)
    const keys = await cleanup.keys(`${prefix}*`)
    if (keys.length > 0) await cleanup.del(...keys)
    await cleanup.quit()
  })

  /** A draft article with a scheduled publish that is already due. */
  const scheduledDraft = async () => {
    const article = await first.create({
      ...system,
      collection: 'articles',
      draft: true,
      data: { title: `Scheduled ${uniqueTag()}`, category: categoryId, authors: [authorId], _status: 'draft' },
    })
    articles.push(article.id)
    const job = await first.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: article.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    return { article, job }
  }

  /** How many times the article was written as published (one new version each time). */
  const publishedVersions = async (id: string) =>
    (await first.findVersions({ ...system, collection: 'articles', where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] } })).totalDocs

  const jobById = (id: number | string) => first.findByID({ ...system, collection: 'payload-jobs', id })

  /** One server's lease on the shared key, on a Redis connection of its own, as each app process has. */
  const serverLease = (key: string, owner: string, ttlMs?: number) => {
    const connection = new Redis(REDIS_URL)
    redis.push(connection)
    return createLease({ redis: connection, key, owner, ttlMs })
  }

  /** What Payload's cron does at each tick: ask the gate, then run the queue. */
  const tick = async (payload: Payload, gate: ReturnType<typeof createQueueGate>) => {
    if (!(await gate.shouldAutoRun(payload))) return false
    await payload.jobs.run({ queue: 'default', limit: 50 })
    return true
  }

  it('publishes a scheduled article exactly once when both instances’ crons fire in the same second', async () => {
    const { article, job } = await scheduledDraft()
    const key = jobsLeaseKey(`${prefix}same-second:`)
    const leases = ['app-a', 'app-b'].map((owner) => serverLease(key, owner))
    const gates = leases.map((lease) => createQueueGate({ lease, sweep: (payload) => sweepStalledJobs({ payload }) }))

    const ran = await Promise.all([tick(first, gates[0]), tick(second, gates[1])])

    expect(ran.filter(Boolean)).toHaveLength(1)
    expect((await first.findByID({ ...system, collection: 'articles', id: article.id }))._status).toBe('published')
    expect(await publishedVersions(article.id)).toBe(1)
    const done = await jobById(job.id)
    expect(done.completedAt).toBeTruthy()
    expect(done.log).toHaveLength(1)

    // The next second: the holder keeps the queue, the other still stands aside.
    const again = await Promise.all([gates[0].shouldAutoRun(first), gates[1].shouldAutoRun(second)])
    expect(again).toEqual(ran)
    await Promise.all(leases.map((lease) => lease.release()))
  })

  it('npm run jobs stands aside while a server holds the lease, and runs the queue once it is free', async () => {
    const { article } = await scheduledDraft()
    const key = jobsLeaseKey(`${prefix}cli:`)
    const server = serverLease(key, 'app-a')
    const cli = serverLease(key, 'npm-run-jobs')
    expect(await server.acquire()).toBe(true)

    expect(await runQueueOnce({ payload: second, lease: cli, limit: 100 })).toEqual({ ran: false, holder: 'app-a' })
    expect(await publishedVersions(article.id)).toBe(0)

    await server.release()
    expect(await runQueueOnce({ payload: second, lease: cli, limit: 100 })).toMatchObject({ ran: true })
    expect(await publishedVersions(article.id)).toBe(1)
    // It gives the lease back when done, so the servers' next tick can take it.
    expect(await cli.holder()).toBeNull()
  })

  it('publishes once when npm run jobs starts in the same second as a server’s cron', async () => {
    const { article } = await scheduledDraft()
    const key = jobsLeaseKey(`${prefix}cli-race:`)
    const gate = createQueueGate({ lease: serverLease(key, 'app-a'), sweep: (payload) => sweepStalledJobs({ payload }) })
    const cli = serverLease(key, 'npm-run-jobs')

    const [server, command] = await Promise.all([tick(first, gate), runQueueOnce({ payload: second, lease: cli, limit: 100 })])

    expect([server, command.ran].filter(Boolean)).toHaveLength(1)
    expect(await publishedVersions(article.id)).toBe(1)
  })

  it('picks up a job left processing by a runner that died, once its lease has lapsed and the job is stale', async () => {
    const { article, job } = await scheduledDraft()
    const key = jobsLeaseKey(`${prefix}dead:`)
    const dead = serverLease(key, 'app-a', 400)
    const survivor = serverLease(key, 'app-b', 400)
    const staleAfterMs = 1500
    const gate = createQueueGate({ lease: survivor, sweep: (payload) => sweepStalledJobs({ payload, staleAfterMs }) })

    // app-a holds the lease and claims the job as Payload's runner does, then dies mid-job.
    expect(await dead.acquire()).toBe(true)
    await first.update({ ...system, collection: 'payload-jobs', id: job.id, data: { processing: true } })

    // While app-a's lease lasts, app-b stands aside.
    expect(await tick(second, gate)).toBe(false)
    await sleep(500)
    // The lease has lapsed: app-b runs the queue, but the claimed job is not stale yet.
    expect(await tick(second, gate)).toBe(true)
    expect(await publishedVersions(article.id)).toBe(0)
    expect((await jobById(job.id)).processing).toBe(true)

    await sleep(staleAfterMs)
    expect(await tick(second, gate)).toBe(true)
    expect(await publishedVersions(article.id)).toBe(1)
    const done = await jobById(job.id)
    expect(done.completedAt).toBeTruthy()
    expect(done.processing).toBe(false)
    // The interrupted attempt counts as a try, then the one that finished it.
    expect(done.totalTried).toBe(2)
    await survivor.release()
  })

  it(`fails a job whose runner died ${MAX_INTERRUPTIONS} times instead of retrying it forever`, async () => {
    const { article, job } = await scheduledDraft()
    await first.update({ ...system, collection: 'payload-jobs', id: job.id, data: { processing: true, totalTried: MAX_INTERRUPTIONS - 1 } })
    await sleep(50)
    const swept = await sweepStalledJobs({ payload: first, staleAfterMs: 10 })
    expect(swept.failed).toContain(job.id)
    const failed = await jobById(job.id)
    expect(failed).toMatchObject({ processing: false, hasError: true, totalTried: MAX_INTERRUPTIONS })
    await first.jobs.run({ queue: 'default', limit: 50 })
    expect(await publishedVersions(article.id)).toBe(0)
  })

  it('leaves a job that is still being worked on alone', async () => {
    const { job } = await scheduledDraft()
    await first.update({ ...system, collection: 'payload-jobs', id: job.id, data: { processing: true } })
    const swept = await sweepStalledJobs({ payload: first, staleAfterMs: 60_000 })
    expect(swept.released).not.toContain(job.id)
    expect((await jobById(job.id)).processing).toBe(true)
    await first.update({ ...system, collection: 'payload-jobs', id: job.id, data: { processing: false, hasError: true } })
  })

  it('runs nothing while Redis is unreachable, and says so once', async () => {
    const { article } = await scheduledDraft()
    // A port nothing listens on: connections are refused at once.
    const unreachable = leaseConnection('redis://127.0.0.1:1')
    const lease = createLease({ redis: unreachable, key: jobsLeaseKey(prefix), owner: 'app-a' })
    const gate = createQueueGate({ lease, sweep: (payload) => sweepStalledJobs({ payload }) })
    const errors: unknown[] = []
    const logger = second.logger
    const original = logger.error.bind(logger)
    logger.error = ((message: unknown) => {
      errors.push(message)
    }) as typeof logger.error
    try {
      expect(await tick(second, gate)).toBe(false)
      expect(await tick(second, gate)).toBe(false)
    } finally {
      logger.error = original
      unreachable.disconnect()
    }
    expect(errors).toHaveLength(1)
    expect(String(errors[0])).toMatch(/Redis is unreachable/)
    expect(await publishedVersions(article.id)).toBe(0)
    // Tidy: run it now so the next test starts with an empty queue.
    await first.jobs.run({ queue: 'default', limit: 50 })
  })

  it('without REDIS_URL (one process) runs every tick and still returns stalled jobs to the queue', async () => {
    const { article, job } = await scheduledDraft()
    await first.update({ ...system, collection: 'payload-jobs', id: job.id, data: { processing: true } })
    await sleep(50)
    const gate = createQueueGate({ lease: null, sweep: (payload) => sweepStalledJobs({ payload, staleAfterMs: 10 }) })
    expect(await tick(first, gate)).toBe(true)
    expect(await publishedVersions(article.id)).toBe(1)
  })

  it('hands the lease back when a server shuts down, so the next tick elsewhere runs at once', async () => {
    const settings = { url: REDIS_URL, prefix: `${prefix}shutdown:`, instance: 'app-a' }
    const leaving = jobsQueueGate(settings)
    const staying = jobsQueueGate({ ...settings, instance: 'app-b' })
    expect(await leaving.shouldAutoRun(first)).toBe(true)
    expect(await staying.shouldAutoRun(second)).toBe(false)
    await leaving.close()
    expect(await staying.shouldAutoRun(second)).toBe(true)
    await staying.close()
  })

  it('takes its settings from the one REDIS_URL parse that the purge log uses', () => {
    const redis = readEnv({ DATABASE_URL: 'postgres://db/byline', PAYLOAD_SECRET: 'x'.repeat(32), REDIS_URL: 'redis://127.0.0.1:6379', BYLINE_INSTANCE: 'app-1' }).redis
    expect(redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'byline:', instance: 'app-1' })
    expect(() => readEnv({ DATABASE_URL: 'postgres://db/byline', PAYLOAD_SECRET: 'x'.repeat(32), REDIS_URL: 'http://user:hunter2@cache:6379' })).toThrow(ConfigurationError)
    expect(() => readEnv({ DATABASE_URL: 'postgres://db/byline', PAYLOAD_SECRET: 'x'.repeat(32), REDIS_URL: 'http://user:hunter2@cache:6379' })).not.toThrow(/hunter2/)
  })
})
