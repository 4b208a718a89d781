import type { OutgoingHttpHeaders } from 'node:http'

import type { Encoding } from './encoding'

/**
 * The in-process response cache in front of Next (issue #6): anonymous readers' HTML kept in
 * memory, compressed once, answered without entering Next at all.
 *
 * Next's own page cache stays the source of truth: it decides what is cacheable (its
 * Cache-Control), renders, and is expired by tag after every content change (src/cache). This
 * layer only keeps the bytes of pages Next has just answered from, or written to, that cache, and
 * forgets all of them whenever any tag expires (src/cache/purgeSignal.ts). Forgetting everything is
 * coarse but cheap: refilling a page costs one request answered by Next's cache, and content
 * changes are rare next to reads. A fill that started before a purge is never stored, so a page
 * rendered from old data cannot outlive the change that made it old.
 *
 * This file is the store, free of sockets, so it is tested directly; what it may keep is decided
 * in ./cachePolicy.ts.
 */

export type CachedPage = {
  status: number
  /** Next's headers for the page, minus those that describe one transfer (length, encoding, date). */
  headers: OutgoingHttpHeaders
  bodies: Record<Encoding, Buffer>
  etag: string | null
  expiresAt: number
}

const sizeOf = (page: CachedPage) => page.bodies.br.length + page.bodies.gzip.length + page.bodies.identity.length

/**
 * Pages by URL, least recently used first out once the byte budget is spent. `generation` counts
 * purges: a fill records it when it starts and is refused if a purge came in between.
 */
export class ResponseCache {
  #pages = new Map<string, CachedPage>()
  #bytes = 0
  #generation = 0

  constructor(private readonly options: { maxBytes: number; now?: () => number }) {}

  get generation() {
    return this.#generation
  }

  get size() {
    return this.#pages.size
  }

  get bytes() {
    return this.#bytes
  }

  get(url: string): CachedPage | undefined {
    const page = this.#pages.get(url)
    if (!page) return undefined
    this.#pages.delete(url)
    if (page.expiresAt <= this.#now()) {
      this.#bytes -= sizeOf(page)
      return undefined
    }
    // Re-inserted: a Map iterates in insertion order, so the front is the least recently used.
    this.#pages.set(url, page)
    return page
  }

  /** Stores a page unless the cache was purged since `generation` was read; says whether it did. */
  set(url: string, page: CachedPage, generation: number): boolean {
    if (generation !== this.#generation) return false
    const size = sizeOf(page)
    if (size > this.options.maxBytes) return false
    const previous = this.#pages.get(url)
    if (previous) {
      this.#pages.delete(url)
      this.#bytes -= sizeOf(previous)
    }
    this.#pages.set(url, page)
    this.#bytes += size
    for (const [oldest, evicted] of this.#pages) {
      if (this.#bytes <= this.options.maxBytes) break
      this.#pages.delete(oldest)
      this.#bytes -= sizeOf(evicted)
    }
    return true
  }

  purge() {
    this.#generation += 1
    this.#pages.clear()
    this.#bytes = 0
  }

  #now() {
    return this.options.now?.() ?? Date.now()
  }
}
