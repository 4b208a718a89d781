import type { IncomingHttpHeaders } from 'node:http'

import { COMMENT_COOKIES } from '@/comments/cookies'

/**
 * The kinds of request the production server tells apart, in one place. The nginx front
 * (deploy/nginx.conf.template) makes the same decisions for its page store and micro-cache;
 * tests/unit/requestKinds.spec.ts holds its lists to these.
 */

/**
 * Where Next renders the designed 404 page with status 200, for the server to send as the body of
 * every reader page that is not found (app/(site)/page-not-found/page.tsx). The server never lets
 * a reader see it at this address with a 200.
 */
export const NOT_FOUND_PATH = '/page-not-found'

/** Cookies that make a page someone's own: staff session, preview (Next's draft mode), a commenter's view. */
export const PRIVATE_COOKIES = ['payload-token', '__prerender_bypass', '__next_preview_data', ...Object.values(COMMENT_COOKIES)]

/**
 * What Next varies every page on (its `Vary`, in this order; base-server's setVaryHeader): the
 * navigation headers that make another answer at the same URL. It would add `next-url` for a
 * route that can be intercepted, and the site has none. nginx says the same of the pages it
 * serves from the store.
 */
export const PAGE_VARY_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch']

/** Client-side navigations ask for React Server Component payloads at the same URLs, varying on these. */
export const CLIENT_NAVIGATION_HEADERS = [...PAGE_VARY_HEADERS, 'next-url', 'next-action']

/** The admin and the API (REST, GraphQL, media files): they answer per user. */
export const PER_USER_PATHS = ['admin', 'api']

/**
 * Build assets and the site's own endpoints (view counting, revalidation, preview, the comment
 * form): they answer per call. nginx has no rule of its own for them, each for a reason
 * tests/unit/requestKinds.spec.ts names and checks.
 */
export const ENDPOINT_PATHS = ['_next', 'views', 'revalidate', 'preview', 'comments']

const NOT_PAGES = new RegExp(`^/(?:${[...PER_USER_PATHS, ...ENDPOINT_PATHS].join('|')})(?:/|$)`)
const PRIVATE_COOKIE = new RegExp(`(?:^|;\\s*)(?:${PRIVATE_COOKIES.join('|')})=`)

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
  return !CLIENT_NAVIGATION_HEADERS.some((name) => headers[name] !== undefined)
}

/** A request that is someone's own: a private cookie, or credentials (Payload also reads API keys from Authorization). */
export function isPrivateRequest({ headers }: RequestLike): boolean {
  return (headers.cookie !== undefined && PRIVATE_COOKIE.test(headers.cookie)) || headers.authorization !== undefined
}

/**
 * Writes to the API and the comment form: taken from Next whole, so that a failure while the
 * database is down can still become a 503 with a clear message (./outage.ts). Reads of the API
 * are left streaming (media files can be large).
 */
export const isGuardedWrite = ({ method, url }: RequestLike): boolean =>
  method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && /^\/(?:api\/|comments(?:$|[/?]))/.test(url ?? '')

/** A staff preview (Next's draft mode): Payload's live preview runs on React, so it keeps Next's runtime. */
export const isPreview = ({ headers }: RequestLike): boolean => /(?:^|;\s*)__prerender_bypass=/.test(headers.cookie ?? '')

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
