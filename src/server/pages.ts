import type { IncomingHttpHeaders } from 'node:http'

/**
 * Where Next renders the designed 404 page with status 200, for the server to send as the body of
 * every reader page that is not found (app/(site)/page-not-found/page.tsx). The server never lets
 * a reader see it at this address with a 200.
 */
export const NOT_FOUND_PATH = '/page-not-found'

/** The admin, the API (REST, GraphQL, media files), build assets and the site's own endpoints answer per user or per call. */
const NOT_PAGES = /^\/(?:admin|api|_next|views|revalidate|preview|comments)(?:\/|$)/
/** Client-side navigations ask for React Server Component payloads at the same URLs, varying on these. */
const RSC_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-url', 'next-action']

export type RequestLike = { method?: string; url?: string; headers: IncomingHttpHeaders }

/**
 * A reader asking for a page of the site (an article, a listing, a feed, an unknown address): the
 * requests the server takes from Next whole, to fix the 404 body and to keep a copy.
 */
export function isPageRequest({ method, url, headers }: RequestLike): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  if (!url || !url.startsWith('/')) return false
  const path = url.split('?', 1)[0]
  if (NOT_PAGES.test(path)) return false
  if (url.includes('_rsc=')) return false
  return !RSC_HEADERS.some((name) => headers[name] !== undefined)
}

/**
 * No page of the site has a path segment this long: slugs are at most 96 characters
 * (src/lib/slugify.ts), up to three times that percent-encoded. Next would try to keep such a
 * page in its cache under a file name the file system refuses, and log the whole URL twice.
 */
export const MAX_SEGMENT_CHARS = 300

/** A page address no page can have: answered 404 by the server without asking Next. */
export function isImpossiblePath(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0] ?? ''
  return path.split('/').some((segment) => segment.length > MAX_SEGMENT_CHARS)
}
