/**
 * Cache tags: the one vocabulary shared by the pages that register them (src/cache/tagPage.ts)
 * and the hooks that expire them (src/cache/hooks.ts).
 *
 * Two kinds. A document tag names one document a page displays: change the document and every
 * page showing it is regenerated. A list tag names a set whose membership can change (the home
 * page's latest, a category's articles): publishing or moving an article expires the lists it
 * leaves and joins, without touching unrelated listings.
 */
import { createHash } from 'node:crypto'

/** Next refuses a longer tag (NEXT_CACHE_TAG_MAX_LENGTH) and logs it whole, once per render. */
export const MAX_TAG_LENGTH = 256

/**
 * A tag naming an address: the slug itself when it fits, else a digest of it. A 10,000-character
 * slug in a URL would otherwise be a tag Next drops, logging 10 KB per request; the digest keeps
 * the page and the hook that expires it agreeing on one short name.
 */
const addressTag = (prefix: string, slug: string) =>
  prefix.length + slug.length <= MAX_TAG_LENGTH ? `${prefix}${slug}` : `${prefix}#${createHash('sha256').update(slug).digest('base64url')}`

export const tag = {
  article: (id: string) => `articles:${id}`,
  /** The article URL itself, found or not: publishing an article at a slug replaces its cached 404. */
  articleUrl: (slug: string) => addressTag('article-url:', slug),
  author: (id: string) => `authors:${id}`,
  authorUrl: (slug: string) => addressTag('author-url:', slug),
  cast: (id: string) => `cast:${id}`,
  castUrl: (slug: string) => addressTag('cast-url:', slug),
  page: (id: string) => `pages:${id}`,
  /** A page's address by its own slug (unique across pages, whatever its parent), found or not, as for articles. */
  pageUrl: (path: string) => addressTag('page-url:', path),
  /** A tag's name and description (its page's heading); its list of articles is `taggedWith`. */
  articleTag: (id: string) => `tags:${id}`,
  articleTagUrl: (slug: string) => addressTag('tag-url:', slug),
  /** An article's approved comments and their count. */
  comments: (articleId: string) => `comments:${articleId}`,

  /** Every published article, newest first: the home page, its later pages and /feed.xml. */
  latest: 'list:latest',
  /** Articles filed directly in a category (listings register every category of their subtree). */
  inCategory: (categoryId: string) => `list:category:${categoryId}`,
  byAuthor: (authorId: string) => `list:author:${authorId}`,
  featuringCast: (castId: string) => `list:cast:${castId}`,
  taggedWith: (tagId: string) => `list:tag:${tagId}`,
  /** The newest featured article: the home page's lead. */
  featured: 'list:featured',
  sitemap: 'list:sitemap',

  /** The category tree: every page's navigation and breadcrumbs show it, and categories rarely change. */
  categories: 'categories',
  /** Images: alt text and crops rarely change once published, so one tag covers them. */
  media: 'media',
  /** Discussion settings (thread depth, closing): every article page's comment form. */
  discussion: 'discussion',
  /** The redirect table the server consults before routing (src/redirects). */
  redirects: 'redirects',
  /** Staff accounts and their roles, which decide who is told about a held comment. No page shows them: remembered records only. */
  staff: 'staff',
} as const

/** Next keeps at most this many tags per cache entry (NEXT_CACHE_TAG_MAX_ITEMS). */
export const MAX_TAGS_PER_PAGE = 128
