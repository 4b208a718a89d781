/**
 * Next's incremental cache (ISR pages, route handlers, unstable_cache) for Byline: entries in
 * this process's memory only, expired by cache tag in the order of the shared purge log
 * (src/cache/purgeLog.ts). Plain JavaScript, because Next imports it itself (also during
 * `next build`), outside tsx; Next makes a new instance per request, so everything lasting lives
 * on a global.
 *
 * Why not Next's own FileSystemCache: it keeps pages on disk, where every process started from
 * the build shares them, and expires tags only in the memory of the process that made the change,
 * so another process (or this one after a restart) serves pages whose tags expired. Here nothing
 * is on disk, so a page never outlives its process, and tag expiry arrives through the log.
 *
 * The clock is a count of the invalidations this process applied, advanced in the log's order
 * (and for the expiries made here, at once). An entry carries the count at which its render
 * began; a tag expired at a later count makes it stale, whatever the wall clocks say. That also
 * refuses the late store: a render that began before a change and finished after it.
 *
 * With no log registered (`next build`, `next dev`, no REDIS_URL) the handler works for this
 * process alone. While the log is degraded it neither answers nor stores.
 */

/** The purge log registered by the server (src/cache/purgeLogRegistry.ts). */
const LOG = Symbol.for('byline.purgeLog')
const STATE = Symbol.for('byline.nextCacheHandler')

/** Next's header on page and route entries listing their tags (NEXT_CACHE_TAGS_HEADER). */
const TAGS_HEADER = 'x-next-cache-tags'

/** Memory for cached entries; Next's own default in-memory budget was 50 MB. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024

/** Distinct expired tags remembered before starting over with an empty cache (bounds the map). */
const MAX_EXPIRED_TAGS = 50_000

/**
 * @typedef {{ state: 'live' | 'degraded', lastId: string | null, publish: (tags: string[]) => Promise<string | null>, subscribe: (listener: object) => () => void }} PurgeLogLike
 * @typedef {{ value: unknown, cacheControl: unknown, lastModified: number, tags: string[], began: number, bytes: number }} Entry
 */

/** A fresh, empty cache state; `maxBytes` bounds the bytes of the entries kept. */
export function createCacheState({ maxBytes = DEFAULT_MAX_BYTES } = {}) {
  return {
    maxBytes,
    bytes: 0,
    /** @type {Map<string, Entry>} least recently used first */
    entries: new Map(),
    /** Invalidations applied so far: the logical clock. */
    tick: 0,
    /** Tag → the tick at which it last expired. */
    expired: new Map(),
    /** Entries and renders that began before this tick are void (a purge of everything). */
    floor: 0,
    /** The last purge log id applied, for inspection. */
    lastId: null,
    /** @type {PurgeLogLike | null} */
    log: null,
    /** @type {(() => void) | null} */
    unsubscribe: null,
  }
}

/** @returns {ReturnType<typeof createCacheState>} */
function globalState() {
  globalThis[STATE] ??= createCacheState()
  return globalThis[STATE]
}

/** @returns {PurgeLogLike | null} */
function globalLog() {
  return globalThis[LOG] ?? null
}

function purgeEverything(state) {
  state.tick += 1
  state.floor = state.tick
  state.entries.clear()
  state.bytes = 0
  state.expired.clear()
}

function expireTags(state, tags) {
  state.tick += 1
  for (const tag of tags) state.expired.set(tag, state.tick)
  if (state.expired.size > MAX_EXPIRED_TAGS) purgeEverything(state)
}

/** Follows the registered log: its entries expire tags here, and its outages empty the cache. */
function attach(state, log) {
  if (state.log === log) return
  state.unsubscribe?.()
  state.log = log
  state.unsubscribe = null
  // What was kept before following this log was never checked against it.
  purgeEverything(state)
  if (!log) return
  state.unsubscribe = log.subscribe({
    onPurge: (entry) => {
      state.lastId = entry.id
      expireTags(state, entry.tags)
    },
    onDegraded: () => purgeEverything(state),
    onRecovered: () => purgeEverything(state),
  })
}

function headerTags(headers) {
  const value = headers?.[TAGS_HEADER]
  return typeof value === 'string' && value.length > 0 ? value.split(',') : []
}

/** The tags an entry is expired by: from the page's header, or given with a fetch entry. */
function tagsOf(data, ctx) {
  if (data?.kind === 'FETCH') return [...new Set([...(ctx?.tags ?? []), ...(data.tags ?? [])])]
  return headerTags(data?.headers)
}

const byteLength = (value) => (value == null ? 0 : typeof value === 'string' ? value.length : (value.byteLength ?? 0))

/** Roughly the memory an entry holds: its bodies; the small fields are not worth counting. */
function sizeOf(data) {
  switch (data.kind) {
    case 'APP_PAGE': {
      let bytes = byteLength(data.html) + byteLength(data.rscData) + byteLength(data.postponed)
      for (const buffer of data.segmentData?.values() ?? []) bytes += byteLength(buffer)
      return bytes
    }
    case 'APP_ROUTE':
      return byteLength(data.body)
    case 'PAGES':
      return byteLength(data.html) + JSON.stringify(data.pageData ?? null).length
    default:
      return JSON.stringify(data).length
  }
}

/** True when any of the tags expired after `began`, or everything was purged since. */
function isVoid(state, began, tags) {
  if (began < state.floor) return true
  for (const tag of tags) if ((state.expired.get(tag) ?? 0) > began) return true
  return false
}

function drop(state, key) {
  const entry = state.entries.get(key)
  if (!entry) return
  state.entries.delete(key)
  state.bytes -= entry.bytes
}

/**
 * A CacheHandler class over one state and one way to find the log. The default export uses the
 * process-wide ones; tests make their own, one per simulated process.
 *
 * @param {{ state?: ReturnType<typeof createCacheState>, log?: () => PurgeLogLike | null }} [options]
 */
export function createCacheHandler({ state = globalState(), log = globalLog } = {}) {
  const degraded = () => state.log !== null && state.log.state !== 'live'

  return class BylineCacheHandler {
    /** Where this request's renders began, per key: the tick at its first lookup. */
    #began = new Map()
    /** A fallback for a store without a lookup: when this request began. */
    #requestBegan

    constructor() {
      attach(state, log())
      this.#requestBegan = state.tick
    }

    async get(key, ctx) {
      if (!this.#began.has(key)) this.#began.set(key, state.tick)
      if (degraded()) return null
      const entry = state.entries.get(key)
      if (!entry) return null
      const tags = ctx?.kind === 'FETCH' ? [...entry.tags, ...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : entry.tags
      if (isVoid(state, entry.began, tags)) {
        drop(state, key)
        return null
      }
      // Most recently used last.
      state.entries.delete(key)
      state.entries.set(key, entry)
      return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl }
    }

    async set(key, data, ctx) {
      const began = this.#began.get(key) ?? this.#requestBegan
      this.#began.delete(key)
      drop(state, key)
      if (data === null || degraded()) return
      const tags = tagsOf(data, ctx)
      // The late store: a render that began before a purge of its tags holds what the purge replaced.
      if (isVoid(state, began, tags)) return
      const bytes = sizeOf(data)
      if (bytes > state.maxBytes) return
      state.entries.set(key, { value: data, cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl, lastModified: Date.now(), tags, began, bytes })
      state.bytes += bytes
      for (const oldest of state.entries.keys()) {
        if (state.bytes <= state.maxBytes) break
        drop(state, oldest)
      }
    }

    /**
     * Expires the tags here at once and, in shared mode, for every instance through the log.
     * A stale-while-revalidate profile (`expire` above 0) is expired at once too: Byline only
     * ever expires immediately, and a reader waiting for a render is better than a stale page.
     */
    async revalidateTag(tags, _durations) {
      const list = (typeof tags === 'string' ? [tags] : [...tags]).filter((tag) => typeof tag === 'string' && tag.length > 0)
      if (list.length === 0) return
      expireTags(state, list)
      // publish never rejects: an unreachable Redis queues the tags and degrades this process.
      if (state.log) await state.log.publish(list)
    }

    resetRequestCache() {}
  }
}

export default createCacheHandler()
