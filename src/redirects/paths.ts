import { isHttpUrl } from '@/lib/httpUrl'

/**
 * How redirect sources are written and matched. Pure functions: the admin's `from` field and the
 * server's lookup agree on one spelling of a request (path without a trailing slash, query
 * parameters sorted), so `/old-post/`, `/old-post` and `https://example.com/old-post` are one key,
 * and `/?p=123` matches a WordPress link with or without tracking parameters around it.
 */

export const redirectMessages = {
  empty: 'Give the old address to redirect from, such as /old-post or /?p=123.',
  home: 'The home page itself cannot be redirected: give a path or a query, such as /?p=123.',
  reserved: (segment: string) => `Addresses under /${segment} belong to the admin and the API and cannot be redirected.`,
  target: 'Redirect to a path on this site (starting with /) or a full http(s):// address.',
  loop: 'A redirect cannot point to the address it comes from.',
}

/** First segments that are never a reader's old link; redirecting them could lock staff out. */
const UNREDIRECTABLE = new Set(['admin', 'api', '_next'])

const trimSlashes = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') || '/' : path)

/**
 * A path as one spelling: without a trailing slash, and with percent escapes in capitals.
 * WordPress exports non-ASCII slugs escaped in lower case (`/%d0%bf…/`); browsers send the same
 * address in capitals (`/%D0%BF…/`), and both must find the redirect.
 */
const canonicalPath = (path: string) => trimSlashes(path).replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())

const sortedQuery = (params: URLSearchParams) =>
  [...params]
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&')

/** A path with its query, from what an editor typed or a request's URL (absolute or not). */
function parse(raw: string): URL | null {
  const value = raw.trim()
  if (!value) return null
  try {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? new URL(value) : new URL(value.startsWith('/') ? value : `/${value}`, 'http://site.invalid')
  } catch {
    return null
  }
}

/** The stored spelling of a source: `/path` or `/path?a=1&b=2`, or null for nothing usable. */
export function normalizeSource(raw: string): string | null {
  const url = parse(raw)
  if (!url) return null
  const path = canonicalPath(url.pathname)
  const query = sortedQuery(url.searchParams)
  return query ? `${path}?${query}` : path
}

/** Why a source cannot be stored, or null when it can. */
export function sourceProblem(source: string | null): string | null {
  if (!source) return redirectMessages.empty
  if (source === '/') return redirectMessages.home
  const segment = source.split(/[/?]/)[1] ?? ''
  return UNREDIRECTABLE.has(segment) ? redirectMessages.reserved(segment) : null
}

/** A custom target: a site path (not `//host`, which browsers read as another site) or an http(s) URL. */
export function isAllowedTarget(url: string): boolean {
  const value = url.trim()
  if (value.startsWith('/')) return !value.startsWith('//') && !value.startsWith('/\\')
  return isHttpUrl(value)
}

/**
 * The keys a request may match, most specific first: its whole query, then each parameter alone
 * (`?p=123` among tracking parameters), then the bare path.
 */
export function requestKeys(pathAndQuery: string): string[] {
  const url = parse(pathAndQuery)
  if (!url) return []
  const path = canonicalPath(url.pathname)
  const params = [...url.searchParams]
  if (params.length === 0) return [path]
  const keys = [`${path}?${sortedQuery(url.searchParams)}`]
  if (params.length > 1) for (const [name, value] of params) keys.push(`${path}?${sortedQuery(new URLSearchParams([[name, value]]))}`)
  keys.push(path)
  return keys
}

export type RedirectRule = { from: string; to: string; status: 301 | 302 }

/** The table the server consults: sources to targets, with rules that would loop dropped. */
export function buildTable(rules: RedirectRule[]): Map<string, { to: string; status: 301 | 302 }> {
  const table = new Map<string, { to: string; status: 301 | 302 }>()
  for (const rule of rules) {
    const from = normalizeSource(rule.from)
    if (!from || from === normalizeSource(rule.to)) continue
    table.set(from, { to: rule.to, status: rule.status })
  }
  return table
}

/** Where a request goes, or null: a few map lookups, no allocation beyond the keys. */
export function findRedirect(table: ReadonlyMap<string, { to: string; status: 301 | 302 }>, pathAndQuery: string) {
  if (table.size === 0) return null
  for (const key of requestKeys(pathAndQuery)) {
    const hit = table.get(key)
    if (hit) return hit
  }
  return null
}

/** A target as a Location header: percent-encoded, so a non-ASCII path cannot break the response. */
export function locationOf(to: string): string {
  if (to.startsWith('/')) {
    const url = new URL(to, 'http://site.invalid')
    return `${url.pathname}${url.search}${url.hash}`
  }
  return new URL(to).href
}
