/** The first segment of the routes next.config.ts rewrites to (app/(site)/rewrite-target/); never a public address. */
export const REWRITE_TARGET_SEGMENT = 'rewrite-target'

/**
 * First path segments the site and Payload own. A category is served at /{slug}, so a category
 * with one of these slugs would be shadowed by (or would shadow) a real route.
 */
export const RESERVED_SLUGS = new Set([
  'admin',
  'api',
  'authors',
  'cast',
  'search',
  'feed.xml',
  'feed',
  'rss',
  'sitemap.xml',
  'robots.txt',
  'favicon.ico',
  'preview',
  'next',
  '_next',
  'media',
  'static',
  'login',
  'logout',
  'comments',
  'views',
  'tag',
  'tags',
  'page',
  // Internal routes: the targets of the site's rewrites (a reader's own view, a listing's page N), cache expiry.
  REWRITE_TARGET_SEGMENT,
  'revalidate',
  // The designed 404 page the production server sends (src/productionServer/requestKinds.ts).
  'page-not-found',
])
