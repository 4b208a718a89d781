/**
 * Process memory for the records every reader page shows and few edits touch: the category tree,
 * authors, cast members, images, the discussion settings, the Most Popular list and the short
 * article lists (and, for comment notices, who moderates and an article's title). Each Payload
 * query costs a reader page about a millisecond of fixed work before its rows, and resolving
 * these through Payload's population cost an article page more than its own article and comments.
 *
 * A record is kept under the cache tags of what it shows (src/cache/tags.ts) and dropped the
 * moment one of them expires (src/cache/expire.ts calls forgetRecords with every tag it expires),
 * so a change shows at the next render exactly as with Next's own page cache. A lifetime bounds
 * what a change made through another server process, which nobody announces here, can leave
 * behind. The article a page is about and its comments are never kept here: a page rendered
 * after a change reads them from the database.
 *
 * The store lives on a global: Next bundles this module once per layer (pages, route handlers),
 * and a change made in a route handler must reach the copy that pages read.
 *
 * In shared mode (REDIS_URL) every instance's changes reach forgetRecords through the purge log
 * (src/cache/sharedInvalidation.ts); while the log is degraded nothing is kept or served here.
 */

import { mayUseMemory } from './purgeLogRegistry'

/** How long a record may be served without a change being announced. */
export const RECORD_TTL_MS = 60_000
/** Records kept at most, oldest dropped first: a newsroom's authors, cast and images fit many times over. */
export const MAX_RECORDS = 20_000

/** `settled` holds the loaded value once the load has resolved, for recall's answer without a promise. */
type Entry = { value: Promise<unknown>; tags: readonly string[]; expiresAt: number; settled?: { value: unknown } }
/** `forgets` counts forgetRecords calls, so a load can tell whether anything changed while it read. */
type Store = { entries: Map<string, Entry>; byTag: Map<string, Set<string>>; forgets: number }

const KEY = Symbol.for('byline.records')

function store(): Store {
  const holder = globalThis as { [KEY]?: Store }
  holder[KEY] ??= { entries: new Map(), byTag: new Map(), forgets: 0 }
  return holder[KEY]
}

function drop(records: Store, key: string) {
  const entry = records.entries.get(key)
  if (!entry) return
  records.entries.delete(key)
  for (const name of entry.tags) {
    const keys = records.byTag.get(name)
    keys?.delete(key)
    if (keys?.size === 0) records.byTag.delete(name)
  }
}

function live(records: Store, key: string, now: number): Entry | undefined {
  const entry = records.entries.get(key)
  if (entry && entry.expiresAt > now) return entry
  if (entry) drop(records, key)
  return undefined
}

function index(records: Store, key: string, tags: readonly string[]) {
  for (const name of tags) {
    let keys = records.byTag.get(name)
    if (!keys) records.byTag.set(name, (keys = new Set()))
    keys.add(key)
  }
}

function keep(records: Store, key: string, entry: Entry) {
  drop(records, key)
  records.entries.set(key, entry)
  index(records, key, entry.tags)
  while (records.entries.size > MAX_RECORDS) {
    const oldest = records.entries.keys().next()
    if (oldest.done) break
    drop(records, oldest.value)
  }
  // A failed load is not remembered: the next reader asks the database again.
  entry.value.catch(() => {
    if (records.entries.get(key) === entry) drop(records, key)
  })
}

/**
 * The record under `key`, loaded once and shared until one of its tags expires or `ttlMs` passes.
 * Concurrent callers share one load. `tagsOf` adds tags known only from the loaded value (the
 * articles on a list); if anything was forgotten while it loaded, the value is used once and not
 * kept, since a change to what it shows may have gone unnoticed.
 */
export function remember<T>({
  key,
  tags,
  tagsOf,
  load,
  ttlMs = RECORD_TTL_MS,
}: {
  key: string
  tags: readonly string[]
  tagsOf?: (value: T) => readonly string[]
  load: () => Promise<T>
  ttlMs?: number
}): Promise<T> {
  // Shared mode with the purge log degraded: a change may have gone unannounced, so read afresh.
  if (!mayUseMemory()) return load()
  const records = store()
  const now = Date.now()
  const entry = live(records, key, now)
  if (entry) return entry.value as Promise<T>
  const forgetsBefore = records.forgets
  const value = load()
  const kept: Entry = { value, tags, expiresAt: now + ttlMs }
  keep(records, key, kept)
  if (tagsOf) {
    void value.then((loaded) => {
      if (records.entries.get(key) !== kept) return
      if (records.forgets !== forgetsBefore) return drop(records, key)
      const more = tagsOf(loaded)
      records.entries.set(key, { ...kept, tags: [...tags, ...more] })
      index(records, key, more)
    }, () => undefined)
  }
  // After tagsOf's handler, which may have replaced or dropped the entry.
  void value.then((loaded) => {
    const current = records.entries.get(key)
    if (current?.value === value) current.settled = { value: loaded }
  }, () => undefined)
  return value
}

/**
 * What `remember` would answer for `key`, without a promise: the value when it is loaded and still
 * remembered, else undefined (then ask `remember`). For the few paths where a promise per call
 * costs more than the work, such as the production server's redirect check on every request.
 */
export function recall<T>(key: string): T | undefined {
  if (!mayUseMemory()) return undefined
  return live(store(), key, Date.now())?.settled?.value as T | undefined
}

/**
 * Records by id, loading every missing one in a single call of `loadMissing` (one query for a
 * page's authors, say). An id that `loadMissing` does not return is remembered as null: a
 * deleted or unpublished document stays missing until a change to it is announced.
 */
export async function rememberEach<T>({
  ids,
  key,
  tags,
  loadMissing,
  ttlMs = RECORD_TTL_MS,
}: {
  ids: readonly string[]
  key: (id: string) => string
  tags: (id: string) => readonly string[]
  loadMissing: (ids: string[]) => Promise<Map<string, T>>
  ttlMs?: number
}): Promise<Map<string, T | null>> {
  const unique = [...new Set(ids)]
  if (!mayUseMemory()) {
    const found = await loadMissing(unique)
    return new Map(unique.map((id) => [id, found.get(id) ?? null]))
  }
  const records = store()
  const now = Date.now()
  const values = new Map<string, Promise<T | null>>()
  const missing: string[] = []
  for (const id of unique) {
    const entry = live(records, key(id), now)
    if (entry) values.set(id, entry.value as Promise<T | null>)
    else missing.push(id)
  }
  if (missing.length > 0) {
    const batch = loadMissing(missing)
    for (const id of missing) {
      const value = batch.then((found) => found.get(id) ?? null)
      keep(records, key(id), { value, tags: tags(id), expiresAt: now + ttlMs })
      values.set(id, value)
    }
  }
  const resolved = await Promise.all(unique.map(async (id) => [id, await values.get(id)] as const))
  return new Map(resolved.map(([id, value]) => [id, value ?? null]))
}

/** Drops every record kept under any of these tags. */
export function forgetRecords(tags: Iterable<string>): void {
  const records = store()
  records.forgets += 1
  for (const name of tags) {
    const keys = records.byTag.get(name)
    if (!keys) continue
    for (const key of [...keys]) drop(records, key)
  }
}

/** Drops every record (a test's clean slate; a process that cannot tell what changed). */
export function forgetAllRecords(): void {
  const records = store()
  // A load in flight began before whatever made everything go: it is used once, not kept.
  records.forgets += 1
  records.entries.clear()
  records.byTag.clear()
}
