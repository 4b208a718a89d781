import type { PurgeLog } from './purgeLog'

/**
 * Where the server leaves the purge log it reads, for the code Next bundles (the record cache,
 * the hooks) and for Next's cache handler, which Next loads on its own
 * (src/cache/nextCacheHandler.mjs reads the same symbol). Apart from purgeLog.ts so that reading
 * the registry does not load the Redis client. Nothing registered means one process alone, as
 * under `next build` and `next dev`.
 */
const KEY = Symbol.for('byline.purgeLog')

type WithLog = { [KEY]?: PurgeLog }

export function registerPurgeLog(log: PurgeLog | null): void {
  if (log) (globalThis as WithLog)[KEY] = log
  else delete (globalThis as WithLog)[KEY]
}

export function registeredPurgeLog(): PurgeLog | null {
  return (globalThis as WithLog)[KEY] ?? null
}

/** False while a shared-mode process may have missed a purge: then nothing is served from or kept in memory. */
export function mayUseMemory(): boolean {
  const log = registeredPurgeLog()
  return log === null || log.state === 'live'
}
