import type { Payload } from 'payload'

import { Redis } from 'ioredis'
import { randomBytes } from 'node:crypto'
import os from 'node:os'

import type { RedisEnv } from '@/lib/env'

import { sweepStalledJobs } from './stalledJobs'

/**
 * A lease in Redis that names the one process allowed to run the jobs queue (issue #7).
 *
 * Payload 3.90 claims jobs with a SELECT followed by an unconditional UPDATE by id
 * (`@payloadcms/drizzle` updateJobs: findMany, then upsertRow per id), so two runners that claim
 * in the same second both get the job, and every instance's cron fires at second 0. Holding
 * this lease around every claim makes the claim exclusive without touching Payload.
 *
 * Taken with `SET key owner NX PX ttl`; renewed and released only by its owner (compare-and-
 * pexpire / compare-and-delete in Lua, atomic in Redis), so a process whose lease lapsed can never
 * extend or delete its successor's.
 */

const messages = {
  redisDown: (error: unknown) =>
    `Jobs paused: Redis is unreachable, so this instance cannot take the jobs lease (${error instanceof Error ? error.message : String(error)}). Running anyway could publish twice; retrying at each tick.`,
  redisBack: 'Jobs lease reachable again; this instance runs the queue when it holds the lease.',
  leader: (owner: string) => `This instance now runs the jobs queue (lease holder ${owner}).`,
  lost: (key: string, owner: string) => `Jobs lease ${key} was lost by ${owner}; another runner may take it.`,
  renewFailed: (key: string, error: unknown, ttlMs: number) =>
    `Jobs lease ${key} could not be renewed (${error instanceof Error ? error.message : String(error)}); it lapses within ${ttlMs} ms.`,
}

/** How long a holder that stops renewing (it died, or lost Redis) keeps others waiting. */
const LEASE_TTL_MS = 30_000

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`

type LeaseLogger = { info: (message: string) => void; warn: (message: string) => void }

export type Lease = {
  readonly key: string
  readonly owner: string
  /** Takes the lease if it is free, or renews it if this owner has it. True when held afterwards. */
  acquire(): Promise<boolean>
  /** Extends the lease by its TTL if this owner still has it. */
  renew(): Promise<boolean>
  /** Gives the lease up if this owner has it (stops the keep-alive). */
  release(): Promise<boolean>
  /** Who holds it now, if anyone. */
  holder(): Promise<string | null>
  /**
   * Renews every third of the TTL while held, so a long run is never overtaken; stops at the
   * first failed renewal (the lease is then someone else's to take).
   */
  keepAlive(): void
  /** Whether the last acquire/renew succeeded and nothing since said otherwise. */
  readonly held: boolean
}

/** Unique per process, readable in `redis-cli GET`: two processes with one instance name still differ. */
export function leaseOwner(instance: string = os.hostname()): string {
  return `${instance}/${process.pid}/${randomBytes(4).toString('hex')}`
}

export function createLease(args: { redis: Redis; key: string; owner?: string; ttlMs?: number; log?: LeaseLogger }): Lease {
  const { redis, key, ttlMs = LEASE_TTL_MS, log } = args
  const owner = args.owner ?? leaseOwner()
  let held = false
  let timer: NodeJS.Timeout | null = null

  const stopKeepAlive = () => {
    if (timer) clearInterval(timer)
    timer = null
  }

  const renew = async () => {
    held = (await redis.eval(RENEW, 1, key, owner, String(ttlMs))) === 1
    return held
  }

  const lease: Lease = {
    key,
    owner,
    get held() {
      return held
    },
    async acquire() {
      try {
        if ((await redis.set(key, owner, 'PX', ttlMs, 'NX')) === 'OK') {
          held = true
          return true
        }
        return await renew()
      } catch (error) {
        held = false
        throw error
      }
    },
    renew: async () => {
      try {
        return await renew()
      } catch (error) {
        held = false
        throw error
      }
    },
    async release() {
      stopKeepAlive()
      held = false
      return (await redis.eval(RELEASE, 1, key, owner)) === 1
    },
    holder: () => redis.get(key),
    keepAlive() {
      if (timer) return
      timer = setInterval(() => {
        renew().then(
          (still) => {
            if (!still) {
              stopKeepAlive()
              log?.warn(messages.lost(key, owner))
            }
          },
          (error: unknown) => {
            held = false
            stopKeepAlive()
            log?.warn(messages.renewFailed(key, error, ttlMs))
          },
        )
      }, Math.max(10, Math.floor(ttlMs / 3)))
      // A timer must never keep a finished `npm run jobs` (or a test) alive.
      timer.unref()
    },
  }
  return lease
}

type QueueGate = {
  /** Payload's `jobs.shouldAutoRun`: asked by every instance's cron at each tick. */
  shouldAutoRun: (payload: Payload) => Promise<boolean>
}

/**
 * The per-tick gate. With a lease (shared mode) only its holder runs the queue, and keeps the
 * lease alive between ticks, so the holder stays the runner until it dies and another instance
 * takes over at its first tick after the TTL. Without one (a single process, no REDIS_URL) every
 * tick runs, as before. Either way the runner first returns jobs left `processing` by a runner
 * that died (see ./stalledJobs.ts): it is then the only process that can be running jobs.
 *
 * While Redis is unreachable nothing runs: a scheduled article waits for Redis rather than risk
 * being published twice.
 */
export function createQueueGate(args: { lease: Lease | null; sweep: (payload: Payload) => Promise<unknown> }): QueueGate {
  const { lease, sweep } = args
  let redisDown = false
  let leading = false
  return {
    async shouldAutoRun(payload) {
      if (lease) {
        let held: boolean
        try {
          held = await lease.acquire()
        } catch (error) {
          if (!redisDown) payload.logger.error(messages.redisDown(error))
          redisDown = true
          leading = false
          return false
        }
        if (redisDown) payload.logger.info(messages.redisBack)
        redisDown = false
        if (!held) {
          leading = false
          return false
        }
        if (!leading) payload.logger.info(messages.leader(lease.owner))
        leading = true
        lease.keepAlive()
      }
      await sweep(payload)
      return true
    },
  }
}

export const jobsLeaseKey = (prefix: string) => `${prefix}jobs:lease`

/**
 * A connection for the lease: commands fail within seconds while Redis is down, so a tick or
 * `npm run jobs` reports the outage instead of hanging.
 */
export function leaseConnection(redisUrl: string): Redis {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 2_000 })
  // Without a listener ioredis prints every failed reconnect; the command waiting on the
  // connection fails too, and that failure is what the gate and `npm run jobs` report, once.
  redis.on('error', () => undefined)
  return redis
}

/**
 * The gate for `jobs.shouldAutoRun` in the app's Payload config. The Redis connection is opened
 * at the first tick, so loading the config (a build, a migration) never connects.
 */
export function jobsQueueGate(settings: RedisEnv | null): QueueGate & { close: () => Promise<void> } {
  let gate: QueueGate | null = null
  let connection: Redis | null = null
  let lease: Lease | null = null
  return {
    shouldAutoRun(payload) {
      if (!gate) {
        connection = settings ? leaseConnection(settings.url) : null
        lease =
          settings && connection
            ? createLease({ redis: connection, key: jobsLeaseKey(settings.prefix), owner: leaseOwner(settings.instance), log: payload.logger })
            : null
        gate = createQueueGate({ lease, sweep: (p) => sweepStalledJobs({ payload: p }) })
      }
      return gate.shouldAutoRun(payload)
    },
    /**
     * For a server shutting down: hands the lease back at once, so another instance runs the
     * next tick instead of waiting out the TTL (a rolling restart would otherwise pause jobs).
     */
    async close() {
      try {
        if (lease) await lease.release()
      } finally {
        connection?.disconnect()
        gate = null
        lease = null
        connection = null
      }
    },
  }
}

const APP_GATE = Symbol.for('byline.jobsQueueGate')
type WithGate = { [APP_GATE]?: ReturnType<typeof jobsQueueGate> }

/**
 * The app's one gate (src/jobs/config.ts). On a global: Next bundles the config apart from the
 * production server (src/productionServer/start.ts), which must reach the same gate to release its lease.
 */
export function appQueueGate(settings: RedisEnv | null): ReturnType<typeof jobsQueueGate> {
  const holder = globalThis as WithGate
  holder[APP_GATE] ??= jobsQueueGate(settings)
  return holder[APP_GATE]
}

/** For a server shutting down: hands the app's lease back, if it ever took one. */
export async function closeAppQueueGate(): Promise<void> {
  await (globalThis as WithGate)[APP_GATE]?.close()
}
