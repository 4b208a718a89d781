import type { OutgoingHttpHeaders } from 'node:http'

import { COMMENT_COOKIES } from '@/lib/commentCookies'

import { isPageRequest, type RequestLike } from './pages'

/**
 * The in-process response cache in front of Next (issue #6): anonymous readers' HTML kept in
 * memory, compressed once, answered without entering Next at all.
 *
 * Next's own page cache stays the source of truth: it decides what is cacheable (its
 * Cache-Control), renders, and is expired by tag after every content change (src/cache). This
 * layer only keeps the bytes of pages Next has just answered from, or written to, that cache, and
 * forgets all of them whenever any tag expires (src/server/purge.ts). Forgetting everything is
 * coarse but cheap: refilling a page costs one request answered by Next's cache, and content
 * changes are rare next to reads. A fill that started before a purge is never stored, so a page
 * rendered from old data cannot outlive the change that made it old.
 *
 * This file is the policy and the store, free of sockets, so it is tested directly.
 */

export type Encoding = 'br' | 'gzip' | 'identity'

export type CachedPage = {
  status: number
  /** Next's headers for the page, minus those that describe one transfer (length, encoding, date). */
  headers: OutgoingHttpHeaders
  bodies: Record<Encoding, Buffer>
  etag: string | null
  expiresAt: number
}

/** Cookies that make a page someone's own: staff session, preview, a commenter's view. */
const PRIVATE_COOKIES = ['payload-token', '__prerender_bypass', '__next_preview_data', ...Object.values(COMMENT_COOKIES)]
const PRIVATE_COOKIE = new RegExp(`(?:^|;\\s*)(?:${PRIVATE_COOKIES.join('|')})=`)

/**
 * Headers not replayed: those describing one transfer of the body (set afresh for every answer),
 * and Next's verdict on its own cache at the time of the copy, which would be wrong ever after.
 */
const NOT_REPLAYED = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'x-nextjs-cache', 'accept-ch', 'critical-ch'])

/**
 * Payload asks every response for the reader's colour-scheme client hint, for the admin's theme
 * (withPayload's headers). On a reader page `Critical-CH` makes the browser fetch the page a
 * second time on a first visit, to send the hint (Lighthouse: 650 ms on a slow phone), for a
 * page that does not read it. Reader pages go without.
 */
const CLIENT_HINT = 'sec-ch-prefers-color-scheme'

/** Never keep a page longer than Next's own revalidation period for reader pages (app/(site): 3600 s). */
export const MAX_TTL_SECONDS = 3600

/** A reader page request (src/server/pages.ts) that is nobody's own: the same page for every reader. */
export function isCacheableRequest(request: RequestLike): boolean {
  if (!isPageRequest(request)) return false
  const cookie = request.headers.cookie
  if (cookie && PRIVATE_COOKIE.test(cookie)) return false
  // A request with credentials is someone's; Payload also reads API keys from here.
  return !request.headers.authorization
}

const header = (headers: OutgoingHttpHeaders, name: string) => {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value)
}

/**
 * How long a response may be kept, in seconds, or null when it must not be: only a 200 HTML or
 * XML page that Next itself serves from its cache (a shared `s-maxage`, nothing private), that
 * sets no cookie and is not stale (Next answers a stale page while it renders the next one; that
 * one is kept instead).
 */
export function cacheLifetime(status: number, headers: OutgoingHttpHeaders): number | null {
  if (status !== 200) return null
  if (headers['set-cookie'] !== undefined) return null
  if (header(headers, 'content-encoding') !== '') return null
  if (!/^(?:text\/html|application\/(?:rss\+)?xml|text\/xml)/.test(header(headers, 'content-type'))) return null
  if (header(headers, 'x-nextjs-cache').toUpperCase() === 'STALE') return null
  const cacheControl = header(headers, 'cache-control').toLowerCase()
  if (/\b(?:private|no-store|no-cache)\b/.test(cacheControl)) return null
  const shared = /\bs-maxage=(\d+)/.exec(cacheControl)
  if (!shared) return null
  const seconds = Number(shared[1])
  return seconds > 0 ? Math.min(seconds, MAX_TTL_SECONDS) : null
}

/** The headers worth replaying with every answer from the cache. */
export function storedHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_REPLAYED.has(name)) continue
    // Next's page cache can repeat a header it appends (a redirect's Location, twice): once is enough.
    kept[name] = Array.isArray(value) && name !== 'set-cookie' ? [...new Set(value)] : value
    if (Array.isArray(kept[name]) && (kept[name] as string[]).length === 1) kept[name] = (kept[name] as string[])[0]
  }
  const vary = header(kept, 'vary')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '' && name.toLowerCase() !== CLIENT_HINT)
    .join(', ')
  kept.vary = /\baccept-encoding\b/i.test(vary) ? vary : vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding'
  return kept
}

/** The best encoding the reader accepts of those stored (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity'
  const accepted = new Set<string>()
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean)
    if (q && Number(q[1]) === 0) continue
    accepted.add(name.trim())
  }
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return 'identity'
}

/** Whether the reader's If-None-Match names the page's ETag (weak comparison, RFC 9110 13.1.2). */
export function isNotModified(ifNoneMatch: string | undefined, etag: string | null): boolean {
  if (!ifNoneMatch || !etag) return false
  if (ifNoneMatch.trim() === '*') return true
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag))
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
