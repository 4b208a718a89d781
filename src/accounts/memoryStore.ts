import type { AttemptStore } from './throttle'

/** Keys kept at most; past it the least recently touched go first, so a flood of new keys cannot grow memory without bound. */
const MAX_KEYS = 50_000

/**
 * Attempts kept in this process's memory: enough for one server process. Each process counts on
 * its own, and a restart forgets; in shared mode ./redisStore.ts counts for every instance and
 * falls back to this one while Redis is unreachable.
 */
export function memoryAttemptStore({ maxKeys = MAX_KEYS }: { maxKeys?: number } = {}): AttemptStore {
  const attempts = new Map<string, number[]>()

  const touch = (key: string, times: number[]) => {
    attempts.delete(key)
    if (times.length > 0) attempts.set(key, times)
    while (attempts.size > maxKeys) {
      const oldest = attempts.keys().next().value
      if (oldest === undefined) break
      attempts.delete(oldest)
    }
  }

  return {
    async add(key, at, since) {
      const times = [...(attempts.get(key) ?? []).filter((time) => time > since), at].sort((a, b) => a - b)
      touch(key, times)
      return times
    },
    async remove(key, at) {
      const times = attempts.get(key)
      if (!times) return
      const index = times.indexOf(at)
      if (index >= 0) touch(key, [...times.slice(0, index), ...times.slice(index + 1)])
    },
    async clear(key) {
      attempts.delete(key)
    },
  }
}
