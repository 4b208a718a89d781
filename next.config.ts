import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'

import { COMMENT_COOKIES } from './src/comments/cookies'
import { RESERVED_SLUGS, REWRITE_TARGET_SEGMENT } from './src/lib/reservedSlugs'
import { BASE_SECURITY_HEADERS } from './src/productionServer/securityHeaders'

/** A category or article slug in a URL, never one of the site's or Payload's own first segments. */
const reserved = [...RESERVED_SLUGS].filter((slug) => /^[a-z0-9-]+$/.test(slug)).join('|')
const SLUG = '[a-z0-9-]+'
const CATEGORY = `:category((?!(?:${reserved})$)${SLUG})`
const ARTICLE = `/${CATEGORY}/:slug(${SLUG})`

/** Where the rewrites below land: app/(site)/rewrite-target/, never an address readers are given. */
const TARGET = `/${REWRITE_TARGET_SEGMENT}`

/**
 * Reader pages are cached (src/cache). Requests the cached page cannot answer are rewritten,
 * before any route matches, to variants rendered per request or cached per page number:
 * - an article for a reader with comment cookies or a ?replytocom= link → their own view;
 * - ?page=N of the home page, a category or a tag → its own cached page.
 * The URL in the reader's address bar never changes.
 */
const readerRewrites = [
  // First: a reader asking for a target by its own address is sent to /rewrite-target, which no
  // category or page can take (RESERVED_SLUGS): the site's 404. Next applies these rules in one pass,
  // each to what the ones before it left, so the rewrites below land on their targets after this one.
  { source: `${TARGET}/:path*`, destination: TARGET },
  ...Object.values(COMMENT_COOKIES).map((cookie) => ({
    source: ARTICLE,
    has: [{ type: 'cookie' as const, key: cookie }],
    destination: `${TARGET}/reader-view/:category/:slug`,
  })),
  { source: ARTICLE, has: [{ type: 'query' as const, key: 'replytocom' }], destination: `${TARGET}/reader-view/:category/:slug` },
  { source: '/', has: [{ type: 'query' as const, key: 'page', value: '(?<page>.*)' }], destination: `${TARGET}/listing-page/latest/:page` },
  { source: `/${CATEGORY}`, has: [{ type: 'query' as const, key: 'page', value: '(?<page>.*)' }], destination: `${TARGET}/listing-page/category/:category/:page` },
  { source: `/tag/:slug(${SLUG})`, has: [{ type: 'query' as const, key: 'page', value: '(?<page>.*)' }], destination: `${TARGET}/listing-page/tag/:slug/:page` },
]

const nextConfig: NextConfig = {
  // Rendered pages live in this process's memory only, expired in the purge log's order in shared
  // mode and at once otherwise (src/cache/README.md). Next's own cache keeps them on disk, shared
  // by every process on the build and surviving restarts, with tag expiry known to one process.
  cacheHandler: path.resolve(import.meta.dirname, 'src/cache/nextCacheHandler.mjs'),
  // The handler has its own budget; 0 keeps Next's built-in memory cache out of the way.
  cacheMaxMemorySize: 0,
  // `npm test` typechecks the whole project (tsc) before it builds; checking again here costs a build half a minute.
  typescript: { ignoreBuildErrors: true },
  // Images are served by Payload from data/media through /api/media; next/image optimises them locally.
  images: {
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
  // Payload's withPayload adds `X-Powered-By: Next.js, Payload` unless this is false: it tells an attacker what to try.
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(BASE_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }]
  },
  async rewrites() {
    return { beforeFiles: readerRewrites, afterFiles: [], fallback: [] }
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
