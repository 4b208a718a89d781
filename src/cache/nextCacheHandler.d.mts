import type { CacheHandler } from 'next/dist/server/lib/incremental-cache'

import type { PurgeLog } from './purgeLog'

/** Types for nextCacheHandler.mjs, which stays plain JavaScript because Next imports it itself. */

export type PurgeLogLike = Pick<PurgeLog, 'state' | 'lastId' | 'publish' | 'subscribe'>

export type CacheState = {
  maxBytes: number
  bytes: number
  entries: Map<string, { value: unknown; cacheControl: unknown; lastModified: number; tags: string[]; began: number; bytes: number }>
  tick: number
  expired: Map<string, number>
  floor: number
  lastId: string | null
  log: PurgeLogLike | null
  unsubscribe: (() => void) | null
}

export declare const DEFAULT_MAX_BYTES: number

export declare function createCacheState(options?: { maxBytes?: number }): CacheState

export declare function createCacheHandler(options?: { state?: CacheState; log?: () => PurgeLogLike | null }): typeof CacheHandler

declare const BylineCacheHandler: typeof CacheHandler
export default BylineCacheHandler
