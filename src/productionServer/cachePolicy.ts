import type { OutgoingHttpHeaders } from 'node:http'

import { isPageRequest, isPrivateRequest, type RequestLike } from './requestKinds'

/**
 * What the response cache (./responseCache.ts) and the page store may keep, for how long, and
 * which of Next's headers go with every copy. Next's own page cache stays the source of truth:
 * only what Next itself serves from its cache, for everyone, is kept here.
 */

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
const MAX_TTL_SECONDS = 3600

/** A reader page request (./requestKinds.ts) that is nobody's own: the same page for every reader. */
export function isCacheableRequest(request: RequestLike): boolean {
  return isPageRequest(request) && !isPrivateRequest(request)
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
