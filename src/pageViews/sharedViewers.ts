import type { Redis } from 'ioredis'

import type { SharedStateLogger } from '@/lib/sharedRedis'

import type { RecentViewerStore } from './recentViewers'

import { sharedOrLocal } from '@/lib/sharedRedis'

import { MemoryViewerStore } from './recentViewers'

/**
 * Admitted readers in Redis (shared mode): the client's mark is `SET NX PX window`, the address's
 * count starts with the window and only grows within it. One Lua script checks and sets both, so
 * two instances receiving one reader's beacons at once count the view once. The keys are the
 * hashes RecentViewers makes; they expire with their window.
 */
const ADMIT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local count = tonumber(redis.call('GET', KEYS[2]) or '0')
if count >= tonumber(ARGV[2]) then return 0 end
if count == 0 then redis.call('SET', KEYS[2], 1, 'PX', ARGV[1]) else redis.call('INCR', KEYS[2]) end
redis.call('SET', KEYS[1], 1, 'NX', 'PX', ARGV[1])
return 1`

function redisViewerStore({ redis, prefix }: { redis: Redis; prefix: string }): RecentViewerStore {
  return {
    async admit({ client, address, windowMs, perAddress }) {
      const admitted = await redis.eval(ADMIT, 2, `${prefix}views:${client}`, `${prefix}views:${address}`, String(windowMs), String(perAddress))
      return admitted === 1
    },
  }
}

/**
 * The store for shared mode: Redis, and this process's memory while Redis is unreachable (see
 * src/lib/sharedRedis.ts). A reader whose beacons reach two instances during an outage may count
 * twice; views are a popularity measure, and an outage is short.
 */
export function sharedViewerStore({
  redis,
  prefix,
  logger,
  memory = new MemoryViewerStore(),
  coolOffMs,
}: {
  redis: Redis
  prefix: string
  logger: SharedStateLogger
  memory?: RecentViewerStore
  coolOffMs?: number
}): RecentViewerStore {
  const shared = redisViewerStore({ redis, prefix })
  const run = sharedOrLocal({ redis, what: 'recent readers (view counting)', logger, coolOffMs })
  return { admit: (check) => run(() => shared.admit(check), () => memory.admit(check)) }
}
