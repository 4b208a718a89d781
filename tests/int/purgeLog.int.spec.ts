import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { GetIncrementalResponseCacheHandlerContext } from 'next/dist/server/response-cache'
import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { createCacheHandler, createCacheState } from '@/cache/nextCacheHandler.mjs'
import { compareStreamIds, PurgeLog, purgeLogRedisOptions, type ConnectionRole, type PurgeEntry, type PurgeLogOptions } from '@/cache/purgeLog'
import { mayUseMemory, registerPurgeLog } from '@/cache/purgeLogRegistry'
import { LATE_PURGE_MS, publishPurge, settlePurges, startSharedInvalidation } from '@/cache/sharedInvalidation'

import { startPrivateRedis, type PrivateRedis } from '../helpers/privateRedis'

/**
 * The shared invalidation log against a real Redis: the shared server for what only reads and
 * writes (a prefix of this run's own), a private redis-server for what stops or freezes Redis.
 */

const SHARED_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const run = `byline-test-${Date.now()}-${randomBytes(3).toString('hex')}`
const admin = new Redis(SHARED_URL)

// Next declares its cache kinds as const enums, which isolated modules cannot name: the same string, typed.
const PAGE_CONTEXT = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false } as unknown as GetIncrementalResponseCacheHandlerContext
const page = (html: string, tags: string[]) => ({
  kind: 'APP_PAGE' as const,
  html,
  rscData: undefined,
  headers: { 'x-next-cache-tags': tags.join(',') },
  postponed: undefined,
  status: 200,
  segmentData: undefined,
})
const cacheControl = { revalidate: 3600, expire: undefined }

let counter = 0
const logs: PurgeLog[] = []
const servers: PrivateRedis[] = []

/** A log with everything it reports written down; `prefix` is per test unless given. */
function recordedLog(options: Partial<PurgeLogOptions> & { prefix: string }) {
  const received: PurgeEntry[] = []
  const events: string[] = []
  const messages: string[] = []
  const log = new PurgeLog({
    redisUrl: SHARED_URL,
    instance: `test-${++counter}`,
    retryMs: 50,
    logger: { info: (m) => messages.push(`info: ${m}`), error: (m) => messages.push(`error: ${m}`) },
    onPurge: (entry) => received.push(entry),
    onDegraded: (reason) => events.push(`degraded: ${reason}`),
    onRecovered: () => events.push('recovered'),
    ...options,
  })
  logs.push(log)
  return { log, received, events, messages }
}

const newPrefix = () => `${run}:${++counter}:`

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = performance.now()
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return performance.now() - started
}

/** The reader's own connection, found by the name the test gave it. */
async function killClient(name: string) {
  const list = await admin.client('LIST')
  const line = String(list)
    .split('\n')
    .find((entry) => entry.includes(` name=${name} `))
  const id = line ? /\bid=(\d+)/.exec(line)?.[1] : undefined
  if (!id) throw new Error(`No Redis client named ${name}`)
  await admin.client('KILL', 'ID', id)
}

afterEach(async () => {
  registerPurgeLog(null)
  await Promise.all(logs.splice(0).map((log) => log.stop()))
  await Promise.all(servers.splice(0).map((server) => server.stop()))
})

afterAll(async () => {
  // Leave nothing behind in the shared Redis.
  const keys = await admin.keys(`${run}:*`)
  if (keys.length > 0) await admin.del(...keys)
  admin.disconnect()
})

describe('Purge log', () => {
  describe('ordering', () => {
    it('delivers every purge to every reader once, in the order of the log, whoever published it', async () => {
      const prefix = newPrefix()
      const readers = [recordedLog({ prefix }), recordedLog({ prefix })]
      for (const { log } of readers) log.start()
      await waitFor(() => readers.every(({ log }) => log.state === 'live'), 2_000, 'the readers to go live')

      const [first, second] = [recordedLog({ prefix }).log, recordedLog({ prefix }).log]
      const published = new Map<string, string[]>()
      for (let i = 0; i < 40; i++) {
        const ids = await Promise.all([first.publish([`a${i}`]), second.publish([`b${i}`, 'shared'])])
        ids.forEach((id, n) => {
          if (id === null) throw new Error('a publish to a reachable Redis was queued')
          published.set(id, n === 0 ? [`a${i}`] : [`b${i}`, 'shared'])
        })
      }
      await waitFor(() => readers.every(({ received }) => received.length === 80), 2_000, 'every purge to arrive')

      const order = [...published.keys()].sort(compareStreamIds)
      for (const { received } of readers) {
        expect(received.map((entry) => entry.id)).toEqual(order)
        for (const entry of received) expect(entry.tags).toEqual(published.get(entry.id))
      }
      expect(readers[0].received.map((e) => e.origin)).toEqual(readers[1].received.map((e) => e.origin))
    })
  })

  describe('the late store', () => {
    it('does not keep a page whose render began on B before a change published on A', async () => {
      const prefix = newPrefix()
      const instance = () => {
        const { log } = recordedLog({ prefix })
        log.start()
        const state = createCacheState()
        return { log, state, Handler: createCacheHandler({ state, log: () => log }) }
      }
      const a = instance()
      const b = instance()
      await waitFor(() => a.log.state === 'live' && b.log.state === 'live', 2_000, 'both instances to go live')

      // B starts rendering the article from the old rows…
      const render = new b.Handler({} as never)
      expect(await render.get('/news/a-story', PAGE_CONTEXT)).toBeNull()
      // …the change is committed and published on A…
      await new a.Handler({} as never).revalidateTag(['article:a-story'], { expire: 0 })
      await waitFor(() => b.state.lastId !== null, 1_000, 'B to apply the purge')
      // …and B's render finishes afterwards: not kept.
      await render.set('/news/a-story', page('<p>old</p>', ['article:a-story']) as never, { cacheControl })
      expect(b.state.entries.has('/news/a-story')).toBe(false)
      expect(await new b.Handler({} as never).get('/news/a-story', PAGE_CONTEXT)).toBeNull()

      // A render B begins after the purge is kept.
      const fresh = new b.Handler({} as never)
      await fresh.get('/news/a-story', PAGE_CONTEXT)
      await fresh.set('/news/a-story', page('<p>new</p>', ['article:a-story']) as never, { cacheControl })
      expect(await new b.Handler({} as never).get('/news/a-story', PAGE_CONTEXT)).toMatchObject({ value: { html: '<p>new</p>' } })
    })
  })

  describe('gaps and dropped connections', () => {
    /** The log's own connection options, with a name to find the reader by and a gate to hold its reconnection. */
    const gatedConnections = (name: string) => {
      let gate: Promise<void> = Promise.resolve()
      let open = () => {}
      return {
        connect: async (role: ConnectionRole) => {
          if (role === 'reader') await gate
          return new Redis(SHARED_URL, { ...purgeLogRedisOptions(role), connectionName: `${name}-${role}` })
        },
        hold: () => {
          gate = new Promise((resolve) => (open = resolve))
        },
        release: () => open(),
      }
    }

    it('finds purges trimmed away while its connection was down, purges everything and goes live again', async () => {
      const prefix = newPrefix()
      const name = `${run}-gap`.replace(/[^\w-]/g, '')
      const connections = gatedConnections(name)
      const reader = recordedLog({ prefix, connect: connections.connect })
      reader.log.start()
      await waitFor(() => reader.log.state === 'live', 2_000, 'the reader to go live')
      const publisher = recordedLog({ prefix, maxLength: 10 }).log
      await publisher.publish(['before'])
      await waitFor(() => reader.received.length === 1, 1_000, 'the first purge')
      reader.events.length = 0

      connections.hold()
      await killClient(`${name}-reader`)
      // Far more purges than the stream keeps, while the reader cannot read.
      for (let i = 0; i < 300; i++) await publisher.publish([`while-away-${i}`])
      connections.release()

      await waitFor(() => reader.events.includes('recovered'), 2_000, 'the reader to recover')
      expect(reader.events[0]).toMatch(/^degraded: .*trimmed/)
      expect(reader.events).toEqual([reader.events[0], 'recovered'])
      expect(reader.log.state).toBe('live')
      const id = await publisher.publish(['after'])
      await waitFor(() => reader.received.at(-1)?.id === id, 1_000, 'a purge after recovery')
    })

    it('catches up after its connection is killed, missing no purge, and is live again within a second', async () => {
      const prefix = newPrefix()
      const name = `${run}-kill`.replace(/[^\w-]/g, '')
      const reader = recordedLog({ prefix, connect: gatedConnections(name).connect })
      reader.log.start()
      await waitFor(() => reader.log.state === 'live', 2_000, 'the reader to go live')
      const publisher = recordedLog({ prefix }).log

      await killClient(`${name}-reader`)
      const ids: (string | null)[] = []
      for (let i = 0; i < 5; i++) ids.push(await publisher.publish([`during-${i}`]))
      const elapsed = await waitFor(() => reader.received.length === 5 && reader.log.state === 'live', 1_000, 'the reader to catch up')
      expect(reader.received.map((entry) => entry.id)).toEqual(ids)
      expect(elapsed).toBeLessThan(1_000)
    })
  })

  describe('restart', () => {
    it('a new process serves nothing from before it and follows purges from the tail on', async () => {
      const prefix = newPrefix()
      const publisher = recordedLog({ prefix }).log
      const before = recordedLog({ prefix })
      before.log.start()
      const oldState = createCacheState()
      const OldHandler = createCacheHandler({ state: oldState, log: () => before.log })
      await waitFor(() => before.log.state === 'live', 2_000, 'the first process to go live')
      const h = new OldHandler({} as never)
      await h.get('/news/a-story', PAGE_CONTEXT)
      await h.set('/news/a-story', page('<p>v1</p>', ['article:a-story']) as never, { cacheControl })
      expect(await new OldHandler({} as never).get('/news/a-story', PAGE_CONTEXT)).not.toBeNull()

      // The process stops; the article changes while it is down; a new process starts.
      await before.log.stop()
      await publisher.publish(['article:a-story'])
      const after = recordedLog({ prefix })
      after.log.start()
      const state = createCacheState()
      const Handler = createCacheHandler({ state, log: () => after.log })
      await waitFor(() => after.log.state === 'live', 2_000, 'the new process to go live')
      expect(await new Handler({} as never).get('/news/a-story', PAGE_CONTEXT)).toBeNull()
      // It starts at the tail: the change it already rendered from the database is not replayed…
      expect(after.received).toEqual([])
      const render = new Handler({} as never)
      await render.get('/news/a-story', PAGE_CONTEXT)
      await render.set('/news/a-story', page('<p>v2</p>', ['article:a-story']) as never, { cacheControl })
      expect(await new Handler({} as never).get('/news/a-story', PAGE_CONTEXT)).toMatchObject({ value: { html: '<p>v2</p>' } })
      // …and the next change reaches it.
      await publisher.publish(['article:a-story'])
      await waitFor(() => after.received.length === 1, 1_000, 'the next purge')
      expect(await new Handler({} as never).get('/news/a-story', PAGE_CONTEXT)).toBeNull()
    })
  })

  describe('Redis unreachable', () => {
    it('degrades readers and publishers while Redis is down, logs it once, and is live within a second of its return', async () => {
      const redis = await startPrivateRedis()
      servers.push(redis)
      const prefix = newPrefix()
      const reader = recordedLog({ prefix, redisUrl: redis.url })
      const publisher = recordedLog({ prefix, redisUrl: redis.url })
      // Both are instances: each reads the log, one of them publishes too.
      reader.log.start()
      publisher.log.start()
      await waitFor(() => reader.log.state === 'live' && publisher.log.state === 'live', 2_000, 'both to go live')
      await publisher.log.publish(['before'])
      await waitFor(() => reader.received.length === 1, 1_000, 'the first purge')

      await redis.stop()
      await waitFor(() => reader.log.state === 'degraded', 3_000, 'the reader to notice')
      expect(await publisher.log.publish(['while-down'])).toBeNull()
      expect(publisher.log.state).toBe('degraded')
      // Many reconnection attempts fail meanwhile (their back-off grows); the outage is reported once.
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(reader.messages.filter((m) => m.startsWith('error:'))).toHaveLength(1)

      await redis.start()
      const back = await waitFor(() => reader.log.state === 'live' && publisher.log.state === 'live', 2_000, 'both to be live again')
      expect(back).toBeLessThan(1_000)
      // The purge made during the outage was kept and reaches the reader.
      await waitFor(() => reader.received.some((entry) => entry.tags.includes('while-down')), 1_000, 'the queued purge')
      expect(reader.events.filter((e) => e.startsWith('degraded'))).toHaveLength(1)
      expect(reader.events.at(-1)).toBe('recovered')
    })

    it('degrades a reader whose Redis stops answering without closing the connection, and recovers when it answers', async () => {
      const redis = await startPrivateRedis()
      servers.push(redis)
      const reader = recordedLog({ prefix: newPrefix(), redisUrl: redis.url })
      reader.log.start()
      await waitFor(() => reader.log.state === 'live', 2_000, 'the reader to go live')

      redis.pause()
      const noticed = await waitFor(() => reader.log.state === 'degraded', 5_000, 'the watchdog')
      expect(reader.events.at(-1)).toMatch(/^degraded: no answer from Redis/)
      expect(noticed).toBeLessThan(4_000)
      redis.resume()
      await waitFor(() => reader.log.state === 'live', 5_000, 'the reader to recover')
      expect(reader.events.at(-1)).toBe('recovered')
    })
  })

  describe('a busy process', () => {
    it('does not mistake its own blocked event loop (start-up, a long render) for a silent Redis', async () => {
      const reader = recordedLog({ prefix: newPrefix() })
      reader.log.start()
      await waitFor(() => reader.log.state === 'live', 2_000, 'the reader to go live')
      reader.events.length = 0
      const blockedUntil = Date.now() + 3_500
      while (Date.now() < blockedUntil) {
        // Synchronous work: no timer and no socket is served meanwhile.
      }
      await new Promise((resolve) => setTimeout(resolve, 1_200))
      expect(reader.events).toEqual([])
      expect(reader.log.state).toBe('live')
    })
  })

  describe('joining the log', () => {
    const quiet = { info: () => undefined, error: (message: string) => console.error(message) }

    it('a server empties its own caches on every entry, and Next’s cache handler follows the log it registered', async () => {
      const prefix = newPrefix()
      const calls: string[] = []
      const log = startSharedInvalidation({
        redis: { url: SHARED_URL, prefix, instance: 'server-under-test' },
        caches: { purgePages: () => calls.push('pages'), forgetTags: (tags) => calls.push(`records ${tags.join(',')}`), forgetEverything: () => calls.push('all records') },
        logger: quiet,
      })
      logs.push(log)
      // Until the reader is positioned, a purge could be missed: nothing comes from memory.
      expect(mayUseMemory()).toBe(false)
      await waitFor(() => log.state === 'live', 2_000, 'the server to go live')
      expect(mayUseMemory()).toBe(true)
      expect(calls).toEqual(['pages', 'all records'])

      // The handler finds the registered log by its symbol alone, as when Next loads it.
      const state = createCacheState()
      const Handler = createCacheHandler({ state })
      const render = new Handler({} as never)
      await render.get('/news/a-story', PAGE_CONTEXT)
      await render.set('/news/a-story', page('<p>v1</p>', ['article:a-story']) as never, { cacheControl })
      expect(state.log).toBe(log)

      calls.length = 0
      await recordedLog({ prefix }).log.publish(['article:a-story', 'articles'])
      await waitFor(() => calls.length === 2, 1_000, 'the entry')
      expect(calls).toEqual(['records article:a-story,articles', 'pages'])
      expect(await new Handler({} as never).get('/news/a-story', PAGE_CONTEXT)).toBeNull()
    })

    it('a command without a server publishes a change now and again after the commit, then lets the process end', async () => {
      const prefix = newPrefix()
      const reader = recordedLog({ prefix })
      reader.log.start()
      await waitFor(() => reader.log.state === 'live', 2_000, 'the reader to go live')

      const started = performance.now()
      await publishPurge(['article:scheduled', 'articles'], { redis: { url: SHARED_URL, prefix, instance: 'jobs-cli' }, logger: quiet })
      await waitFor(() => reader.received.length === 1, 1_000, 'the first publish')
      // A command about to exit waits for the late publish.
      await settlePurges()
      expect(performance.now() - started).toBeGreaterThanOrEqual(LATE_PURGE_MS - 50)
      await waitFor(() => reader.received.length === 2, 1_000, 'the late publish')
      for (const entry of reader.received) expect(entry).toMatchObject({ tags: ['article:scheduled', 'articles'], origin: 'jobs-cli' })
      // Its connection closes once the late publish is out (Redis forgets it a moment later).
      const open = async () => String(await admin.client('LIST')).includes(' name=byline:jobs-cli:publisher ')
      const deadline = performance.now() + 1_000
      while ((await open()) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
      expect(await open()).toBe(false)
    })
  })
})
