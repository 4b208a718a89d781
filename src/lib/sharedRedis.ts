import { Redis } from 'ioredis'

import type { RedisEnv } from '@/lib/env'

/**
 * Per-request state that several instances must share in shared mode (REDIS_URL): the sign-in
 * throttle's counts (src/accounts) and which readers were counted lately (src/pageViews). One Redis
 * client per process serves both; the purge log and the jobs lease keep connections of their own,
 * which block or hold a lease and have other timeouts.
 *
 * Fails soft, unlike the purge log: while Redis is unreachable each instance keeps this state in
 * its own memory, as one process always did, and says so once. Refusing every sign-in would lock
 * the newsroom out during an outage; ignoring the limits would let guessing through unbounded. In
 * memory the limits still hold, per instance, so N instances allow at most N times them until
 * Redis is back.
 */

const messages = {
  down: (what: string, error: unknown) =>
    `Redis is unreachable (${error instanceof Error ? error.message : String(error)}): ${what} kept in this instance's memory until it is back, so each instance counts on its own.`,
  back: (what: string) => `Redis is reachable again: ${what} shared between instances again.`,
}

/** Longest a request waits on Redis before it is served from memory instead. */
export const SHARED_STATE_TIMEOUT_MS = 500
/** After a failure, requests go to memory at once for this long, so an outage does not slow every request by the timeout. */
const SHARED_STATE_COOL_OFF_MS = 2_000

/**
 * A client that fails fast: a command waits at most SHARED_STATE_TIMEOUT_MS, queued or sent, and
 * the client reconnects on its own within a second of Redis coming back. Connects on first use, so
 * loading the config (a build, a migration) never does.
 */
export function sharedStateConnection({ url, instance = 'byline' }: { url: string; instance?: string }): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    commandTimeout: SHARED_STATE_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
    connectionName: `byline:${instance.replace(/[^\w:.-]/g, '_')}:state`,
  })
  // Without a listener ioredis prints every failed reconnect; the failed command is what
  // sharedOrLocal reports, once per outage.
  redis.on('error', () => undefined)
  return redis
}

const CLIENT = Symbol.for('byline.sharedStateRedis')
type WithClient = { [CLIENT]?: Redis }

/**
 * The process's one client. On a global: Next bundles each route apart, and the sign-in hooks and
 * the view beacon must still share one connection.
 */
export function sharedStateRedis(settings: RedisEnv): Redis {
  const holder = globalThis as WithClient
  holder[CLIENT] ??= sharedStateConnection(settings)
  return holder[CLIENT]
}

export type SharedStateLogger = { warn: (message: string) => void; info: (message: string) => void }

/** Runs an operation on Redis, or on this process's memory while Redis is unreachable. */
type SharedOrLocal = <T>(shared: (redis: Redis) => Promise<T>, local: () => T | Promise<T>) => Promise<T>

/**
 * The fallback policy, in one place: `what` names the state in the two log lines (down, back).
 * While the client is reconnecting, or within the cool-off after a failure, memory answers
 * without asking Redis.
 */
export function sharedOrLocal({
  redis,
  what,
  logger,
  coolOffMs = SHARED_STATE_COOL_OFF_MS,
  now = Date.now,
}: {
  redis: Redis
  what: string
  logger: SharedStateLogger
  coolOffMs?: number
  now?: () => number
}): SharedOrLocal {
  let down = false
  let retryAt = 0
  const reachable = () => redis.status !== 'reconnecting' && redis.status !== 'close' && redis.status !== 'end'
  return async (shared, local) => {
    if (down && (now() < retryAt || !reachable())) return local()
    try {
      const result = await shared(redis)
      if (down) logger.info(messages.back(what))
      down = false
      return result
    } catch (error) {
      if (!down) logger.warn(messages.down(what, error))
      down = true
      retryAt = now() + coolOffMs
      return local()
    }
  }
}
