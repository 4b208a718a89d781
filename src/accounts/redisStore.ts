import type { Redis } from 'ioredis'

import { createHmac, randomBytes } from 'node:crypto'

import type { SharedStateLogger } from '@/lib/sharedRedis'

import type { AttemptStore } from './throttle'

import { sharedOrLocal } from '@/lib/sharedRedis'

import { memoryAttemptStore } from './memoryStore'

/**
 * Attempts kept in Redis (shared mode), so every instance counts against the same limits: one
 * sorted set per key, scored by the attempt's time, the same sliding window as the memory store.
 * Each operation is one Lua script, atomic in Redis, so attempts racing on two instances are all
 * counted. The key expires one window after its last attempt.
 *
 * Times are the instances' clocks, which are assumed to be kept in step (NTP) as any cluster's
 * are; a clock a few seconds off moves its own attempts by that much, nothing more.
 */

/** Drops what left the window, records this attempt, answers the window's attempts with their times. */
const ADD = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[2], '+inf', 'WITHSCORES')`

/** Forgets one attempt made at that time (as the memory store does: any one of them if several share the millisecond). */
const REMOVE = `
local found = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
if found[1] then return redis.call('ZREM', KEYS[1], found[1]) end
return 0`

/**
 * The throttle's keys hold client addresses and email addresses: in Redis they are kept as keyed
 * hashes, so a look at Redis (a dump, `KEYS *`) gives neither away.
 */
const hashedKey = ({ prefix, secret, key }: { prefix: string; secret: string; key: string }) =>
  `${prefix}throttle:${createHmac('sha256', secret).update(key).digest('base64url').slice(0, 27)}`

function redisAttemptStore({ redis, prefix, secret }: { redis: Redis; prefix: string; secret: string }): AttemptStore {
  const keyOf = (key: string) => hashedKey({ prefix, secret, key })
  return {
    async add(key, at, since) {
      // A member of its own per attempt: two attempts in one millisecond are two attempts.
      const member = `${at}:${randomBytes(6).toString('base64url')}`
      const reply = (await redis.eval(ADD, 1, keyOf(key), String(at), String(since), member, String(Math.max(1, at - since)))) as string[]
      const times: number[] = []
      for (let i = 1; i < reply.length; i += 2) times.push(Number(reply[i]))
      return times
    },
    async remove(key, at) {
      await redis.eval(REMOVE, 1, keyOf(key), String(at))
    },
    async clear(key) {
      await redis.del(keyOf(key))
    },
  }
}

/**
 * The store for shared mode: Redis, and this process's memory while Redis is unreachable (see
 * src/lib/sharedRedis.ts for why neither refusing nor admitting everyone). Taking an attempt back
 * or clearing a key is done in both, so an attempt counted in memory during an outage is taken
 * back too.
 */
export function sharedAttemptStore({
  redis,
  prefix,
  secret,
  logger,
  memory = memoryAttemptStore(),
  coolOffMs,
}: {
  redis: Redis
  prefix: string
  secret: string
  logger: SharedStateLogger
  memory?: AttemptStore
  coolOffMs?: number
}): AttemptStore {
  const shared = redisAttemptStore({ redis, prefix, secret })
  const run = sharedOrLocal({ redis, what: 'sign-in and password-reset limits', logger, coolOffMs })
  return {
    add: (key, at, since) => run(() => shared.add(key, at, since), () => memory.add(key, at, since)),
    async remove(key, at) {
      await memory.remove(key, at)
      await run(() => shared.remove(key, at), () => undefined)
    },
    async clear(key) {
      await memory.clear(key)
      await run(() => shared.clear(key), () => undefined)
    },
  }
}
