import type { RedisEnv } from '@/lib/env'

import { PurgeLog, type PurgeLogLogger } from './purgeLog'
import { registeredPurgeLog, registerPurgeLog } from './purgeLogRegistry'

/**
 * Shared mode, switched on by REDIS_URL: how a process joins the purge log (src/cache/purgeLog.ts).
 * A server reads it and applies every entry to its caches; a process without a server (the jobs
 * runner from cron, the seed, a script) only publishes.
 */

export { parseRedisEnv, type RedisEnv } from '@/lib/env'

/** What a server empties when the log says so; each is the process's own cache. */
type ProcessCaches = {
  /** The response cache and the page store: emptied on any purge (they do not know their pages' tags). */
  purgePages: () => void
  /** The record cache, by tag. */
  forgetTags: (tags: string[]) => void
  /** The record cache, all of it. */
  forgetEverything: () => void
}

/**
 * Starts this server's reader and makes the log reachable from Next's cache handler. Every entry
 * (this instance's own included, which costs one more purge) empties the pages and the records
 * of its tags; an outage and the recovery from it empty everything.
 */
export function startSharedInvalidation({ redis, caches, logger }: { redis: RedisEnv; caches: ProcessCaches; logger?: PurgeLogLogger }): PurgeLog {
  const everything = () => {
    caches.purgePages()
    caches.forgetEverything()
  }
  const log = new PurgeLog({
    redisUrl: redis.url,
    prefix: redis.prefix,
    instance: redis.instance,
    logger,
    onPurge: ({ tags }) => {
      caches.forgetTags(tags)
      caches.purgePages()
    },
    onDegraded: everything,
    onRecovered: everything,
  })
  log.start()
  registerPurgeLog(log)
  return log
}

/**
 * A change made outside a request (hooks run before the transaction commits): published now and
 * again a little later, so an instance that re-rendered from the not-yet-committed rows between
 * the two drops that render too.
 */
export const LATE_PURGE_MS = 1_000

/** A publisher for a process with no reader of its own, made on first use. */
let ownPublisher: PurgeLog | null = null
/** Late publishes still to go out from this process, so a command can wait for them. */
const outstanding = new Set<Promise<void>>()

/**
 * Publishes an expiry made outside any request, for every instance. In a server that reads the
 * log this goes through its log; elsewhere (the jobs runner from cron, scripts) through a
 * publisher of this process's own, which closes once its late publishes are out.
 */
export async function publishPurge(tags: Iterable<string>, { redis, logger = console }: { redis: RedisEnv; logger?: PurgeLogLogger }): Promise<void> {
  const unique = [...new Set(tags)]
  if (unique.length === 0) return
  const registered = registeredPurgeLog()
  if (registered) {
    await registered.publish(unique)
    setTimeout(() => void registered.publish(unique), LATE_PURGE_MS).unref()
    return
  }
  ownPublisher ??= new PurgeLog({ redisUrl: redis.url, prefix: redis.prefix, instance: redis.instance, logger })
  const publisher = ownPublisher
  await publisher.publish(unique)
  // Not unref'd: a command that made a change stays up for the late publish.
  const late: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, LATE_PURGE_MS))
    .then(async () => {
      await publisher.publish(unique)
      // The last late publish out closes the publisher.
      if (outstanding.size > 1) return
      if (ownPublisher === publisher) ownPublisher = null
      // Whatever Redis still would not take is reported by stop().
      await publisher.flush()
      await publisher.stop()
    })
    .finally(() => outstanding.delete(late))
  outstanding.add(late)
}

/**
 * Resolves once this process's late publishes are out and its publisher is closed. A command that
 * ends with process.exit() (Payload's `jobs:run`) calls it first, or other instances miss the
 * purge that follows the commit.
 */
export async function settlePurges(): Promise<void> {
  while (outstanding.size > 0) await Promise.all(outstanding)
}
