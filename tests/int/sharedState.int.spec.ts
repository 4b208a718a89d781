import type { Redis } from 'ioredis'

import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, describe, expect, it } from 'vitest'

import type { AttemptStore } from '@/accounts/throttle'

import { sharedAttemptStore } from '@/accounts/redisStore'
import { forgetSuccess, forgotPasswordRules, LIMITS, loginRules, takeAttempt } from '@/accounts/throttle'
import { SHARED_STATE_TIMEOUT_MS, sharedStateConnection } from '@/lib/sharedRedis'
import { RecentViewers, VIEWERS_PER_ADDRESS } from '@/pageViews/recentViewers'
import { sharedViewerStore } from '@/pageViews/sharedViewers'

import { startPrivateRedis, type PrivateRedis } from '../helpers/privateRedis'

/**
 * Shared mode's per-request state against a real Redis, without Payload: each "instance" is a
 * store on a client of its own, as two processes have. The shared server with a prefix of this
 * run's own for counting; a private redis-server for what happens when Redis stops.
 */

const SHARED_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const run = `byline-test-${Date.now()}-${randomBytes(3).toString('hex')}:`
const SECRET = randomBytes(32).toString('hex')

const clients: Redis[] = []
const servers: PrivateRedis[] = []

/** A client as an instance has one (sharedStateConnection), closed after the test. */
const connect = (url = SHARED_URL) => {
  const client = sharedStateConnection({ url, instance: 'test' })
  clients.push(client)
  return client
}

/** What the stores said, in order. */
const recordingLogger = () => {
  const lines: string[] = []
  return { lines, logger: { warn: (message: string) => lines.push(`warn: ${message}`), info: (message: string) => lines.push(`info: ${message}`) } }
}

const attemptStore = ({ url, logger = recordingLogger().logger, coolOffMs }: { url?: string; logger?: ReturnType<typeof recordingLogger>['logger']; coolOffMs?: number } = {}) =>
  sharedAttemptStore({ redis: connect(url), prefix: run, secret: SECRET, logger, coolOffMs })

let addressCounter = 0
/** A client address of the test's own (TEST-NET-2). */
const freshAddress = () => {
  addressCounter += 1
  return `198.51.100.${addressCounter}`
}

const until = async (condition: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

afterEach(async () => {
  clients.splice(0).forEach((client) => client.disconnect())
  await Promise.all(servers.splice(0).map((server) => server.stop()))
})

afterAll(async () => {
  // Leave nothing behind in the shared Redis.
  const admin = connect()
  const keys = await admin.keys(`${run}*`)
  if (keys.length > 0) await admin.del(...keys)
  admin.disconnect()
})

describe('Shared state between instances (Redis)', () => {
  describe('sign-in throttle', () => {
    /** Attempts taken in turn on the instances; answers which were allowed. */
    const alternate = async ({ stores, count, rules }: { stores: AttemptStore[]; count: number; rules: (i: number) => ReturnType<typeof loginRules> }) => {
      const allowed: boolean[] = []
      for (let i = 0; i < count; i += 1) {
        const store = stores[i % stores.length] as AttemptStore
        allowed.push((await takeAttempt({ store, rules: rules(i), now: Date.now() })).allowed)
      }
      return allowed
    }

    it('counts two instances’ wrong passwords for one account together: five in all, not five each', async () => {
      const stores = [attemptStore(), attemptStore()]
      const rules = loginRules({ address: freshAddress(), email: 'editor@example.com' })
      const allowed = await alternate({ stores, count: 8, rules: () => rules })
      expect(allowed).toEqual([true, true, true, true, true, false, false, false])
      const refused = await takeAttempt({ store: stores[0] as AttemptStore, rules, now: Date.now() })
      expect(refused.allowed).toBe(false)
      if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(LIMITS.loginPerAddressAndAccount.windowMs - 60_000)
    })

    it('counts an address’s failures on every account across instances: twenty in all', async () => {
      const stores = [attemptStore(), attemptStore(), attemptStore()]
      const address = freshAddress()
      const allowed = await alternate({ stores, count: 24, rules: (i) => loginRules({ address, email: `person-${i}@example.com` }) })
      expect(allowed.filter(Boolean)).toHaveLength(LIMITS.loginPerAddress.limit)
      expect(allowed.slice(LIMITS.loginPerAddress.limit).every((ok) => !ok)).toBe(true)
    })

    it('counts password-reset requests across instances: five an hour per address', async () => {
      const stores = [attemptStore(), attemptStore()]
      const rules = forgotPasswordRules({ address: freshAddress() })
      const allowed = await alternate({ stores, count: 7, rules: () => rules })
      expect(allowed).toEqual([true, true, true, true, true, false, false])
    })

    it('lets the owner back in on every instance once they signed in on one', async () => {
      const [first, second] = [attemptStore(), attemptStore()]
      const rules = loginRules({ address: freshAddress(), email: 'writer@example.com' })
      for (let i = 0; i < 4; i += 1) expect((await takeAttempt({ store: first, rules, now: Date.now() })).allowed).toBe(true)
      const at = Date.now()
      expect((await takeAttempt({ store: second, rules, now: at })).allowed).toBe(true)
      await forgetSuccess({ store: second, rules, at })
      const allowed = await alternate({ stores: [first, second], count: 6, rules: () => rules })
      expect(allowed).toEqual([true, true, true, true, true, false])
    })

    it('keeps no address or email in Redis, and lets the counts expire with their window', async () => {
      const store = attemptStore()
      const address = freshAddress()
      await takeAttempt({ store, rules: loginRules({ address, email: 'secret-person@example.com' }), now: Date.now() })
      const admin = connect()
      const keys = await admin.keys(`${run}throttle:*`)
      expect(keys.length).toBeGreaterThanOrEqual(2)
      expect(keys.join(' ')).not.toMatch(/secret-person|example\.com|198\.51\.100/)
      for (const key of keys) {
        const ttl = await admin.pttl(key)
        expect(ttl).toBeGreaterThan(0)
        expect(ttl).toBeLessThanOrEqual(LIMITS.forgotPasswordPerAddress.windowMs)
      }
    })

    it('counts in memory while Redis is down (limits still hold, nobody locked out), says so once, and shares again once it is back', async () => {
      const redis = await startPrivateRedis()
      servers.push(redis)
      const { lines, logger } = recordingLogger()
      const store = attemptStore({ url: redis.url, logger, coolOffMs: 100 })
      const rules = loginRules({ address: freshAddress(), email: 'staff@example.com' })
      const take = () => takeAttempt({ store, rules, now: Date.now() })

      // Three failures counted in Redis, then Redis stops.
      for (let i = 0; i < 3; i += 1) expect((await take()).allowed).toBe(true)
      await redis.stop()

      // Not locked out: the instance counts afresh in its memory. Not unlimited: five, then 429.
      const startedAt = Date.now()
      const during: boolean[] = []
      for (let i = 0; i < 7; i += 1) during.push((await take()).allowed)
      expect(during).toEqual([true, true, true, true, true, false, false])
      // Only the first attempt waited on Redis; the rest were answered from memory at once.
      expect(Date.now() - startedAt).toBeLessThan(SHARED_STATE_TIMEOUT_MS * 3)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^warn: Redis is unreachable .*sign-in and password-reset limits kept in this instance's memory/)

      // Back: the client reconnects by itself, and counting is shared again (the restarted Redis is empty).
      await redis.start()
      const client = clients.at(-1) as Redis
      await until(() => client.status === 'ready')
      await new Promise((resolve) => setTimeout(resolve, 150))
      expect((await take()).allowed).toBe(true)
      expect(lines).toHaveLength(2)
      expect(lines[1]).toBe('info: Redis is reachable again: sign-in and password-reset limits shared between instances again.')
      const admin = connect(redis.url)
      expect((await admin.keys(`${run}throttle:*`)).length).toBe(2)
    }, 30_000)
  })

  describe('view dedupe', () => {
    const beacon = (ip: string, agent = 'Mozilla/5.0 Firefox/133.0') => new Headers({ 'x-forwarded-for': ip, 'user-agent': agent })
    const viewers = ({ url, logger = recordingLogger().logger, coolOffMs }: { url?: string; logger?: ReturnType<typeof recordingLogger>['logger']; coolOffMs?: number } = {}) =>
      new RecentViewers({ secret: SECRET, store: sharedViewerStore({ redis: connect(url), prefix: run, logger, coolOffMs }) })

    it('counts a reader once per article whichever instance their beacons reach', async () => {
      const [first, second] = [viewers(), viewers()]
      const address = freshAddress()
      const article = `article-${randomBytes(4).toString('hex')}`
      expect(await first.admit({ headers: beacon(address), articleId: article })).toBe(true)
      expect(await second.admit({ headers: beacon(address), articleId: article })).toBe(false)
      expect(await first.admit({ headers: beacon(address), articleId: article })).toBe(false)
      // Another article, or another reader, counts.
      expect(await second.admit({ headers: beacon(address), articleId: `${article}-2` })).toBe(true)
      expect(await second.admit({ headers: beacon(freshAddress()), articleId: article })).toBe(true)
    })

    it('admits at most VIEWERS_PER_ADDRESS user agents from one address across instances, racing or not', async () => {
      const [first, second] = [viewers(), viewers()]
      const address = freshAddress()
      const article = `article-${randomBytes(4).toString('hex')}`
      const admitted = await Promise.all(
        Array.from({ length: VIEWERS_PER_ADDRESS * 2 }, (_, i) => (i % 2 === 0 ? first : second).admit({ headers: beacon(address, `Agent/${i}`), articleId: article })),
      )
      expect(admitted.filter(Boolean)).toHaveLength(VIEWERS_PER_ADDRESS)
    })

    it('keeps only hashes in Redis, forgotten after the hour', async () => {
      const address = freshAddress()
      await viewers().admit({ headers: beacon(address, 'Agent/secret'), articleId: 'a' })
      const admin = connect()
      const keys = await admin.keys(`${run}views:*`)
      expect(keys.join(' ')).not.toMatch(/198\.51\.100|Agent/)
      for (const key of keys) expect(await admin.pttl(key)).toBeGreaterThan(59 * 60 * 1000)
    })

    it('dedupes in memory while Redis is down, and says so once', async () => {
      const redis = await startPrivateRedis()
      servers.push(redis)
      const { lines, logger } = recordingLogger()
      const recent = viewers({ url: redis.url, logger, coolOffMs: 100 })
      const address = freshAddress()
      expect(await recent.admit({ headers: beacon(address), articleId: 'a' })).toBe(true)
      await redis.stop()
      expect(await recent.admit({ headers: beacon(address), articleId: 'b' })).toBe(true)
      expect(await recent.admit({ headers: beacon(address), articleId: 'b' })).toBe(false)
      expect(await recent.admit({ headers: beacon(freshAddress()), articleId: 'b' })).toBe(true)
      expect(lines).toEqual([expect.stringMatching(/^warn: Redis is unreachable .*recent readers \(view counting\) kept in this instance's memory/)])
    }, 30_000)
  })
})
