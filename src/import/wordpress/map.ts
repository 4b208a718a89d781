/**
 * The mapping rules from WordPress to Byline, as plain functions of the export's records: what
 * a status becomes, which category leads, which old addresses redirect. No database here; the
 * writer (./writer.ts) applies them.
 */
import { createHash } from 'node:crypto'
import { JSDOM } from 'jsdom'

import type { WxrComment, WxrItem, WxrSite, WxrTerm } from './wxr'

import { slugify } from '@/lib/slugify'
import type { CommentStatus } from '@/comments/statuses'

/** The Byline collections the importer fills, in the report's order. */
export const REPORT_TYPES = ['articles', 'pages', 'authors', 'categories', 'tags', 'comments', 'media', 'redirects'] as const
export type ReportType = (typeof REPORT_TYPES)[number]

export const notes = {
  extraCategories: (slugs: string[], category: string) =>
    `also filed under ${slugs.map((s) => `"${s}"`).join(', ')}: Byline articles have one category ("${category}"), so ${slugs.length === 1 ? 'it became a tag' : 'they became tags'}`,
  commentCut: (length: number, limit: number) => `${length.toLocaleString('en')} characters long: Byline keeps ${limit.toLocaleString('en')} characters of a comment, so the rest was cut`,
  pageUnderUnpublished: (parent: string) => `published under "${parent}", which is not: Byline shows a page under its parent only when both are published, so it is at the top level and its old address redirects there`,
  pageFlattened: (top: string) => `nested more than one level deep in WordPress; Byline pages nest one level, so it is under "${top}" and its old address redirects there`,
  passwordProtected: 'was password-protected in WordPress, which Byline has no equivalent for: imported as a draft, so only staff can read it',
  slugSuffix: (wanted: string, given: string, why: string) => `slug "${wanted}" ${why}; imported as "${given}"`,
  keptAsText: (counts: Record<string, number>) =>
    `kept as text (no Byline equivalent): ${Object.entries(counts)
      .map(([what, n]) => `${n} × ${what}`)
      .join(', ')}`,
}

export const reasons = {
  trash: 'in the WordPress trash',
  postType: (type: string) => `WordPress "${type}" items have no Byline equivalent (menus, templates and other post types are not imported)`,
  pingback: (type: string) => `${type}s are not comments and are not imported`,
  noCategory: 'the post has no category and the export names none to use',
  noAuthor: (login: string) => `the author "${login}" is not in the export's author list`,
  autoDraft: 'an auto-draft WordPress made for an editor who never saved it',
  servedHere: (path: string, what: string) => `Byline serves ${path} itself (${what}), so no redirect is made from it: readers there see Byline's page`,
}

type PostPlan =
  | { skip: string }
  | { status: 'published' | 'draft'; review: 'submitted' | null; scheduleAt: string | null; publishedAt: string | null; note?: string }

/**
 * What a post's status becomes. `future` is a draft that the jobs queue publishes at its date,
 * as Byline's own scheduled publishing does; `private` has no reader-restricted equivalent, so it
 * stays a draft, visible to staff only.
 */
export function planPost(item: Pick<WxrItem, 'status' | 'date' | 'dateGmt' | 'password'>): PostPlan {
  const publishedAt = wordpressDate(item)
  // Byline has no password-protected posts: one that was public behind a password stays private.
  if (item.password && (item.status === 'publish' || item.status === 'future')) {
    return { status: 'draft', review: null, scheduleAt: null, publishedAt, note: notes.passwordProtected }
  }
  switch (item.status) {
    case 'publish':
      return { status: 'published', review: null, scheduleAt: null, publishedAt }
    case 'future':
      return { status: 'draft', review: null, scheduleAt: publishedAt, publishedAt }
    case 'pending':
      return { status: 'draft', review: 'submitted', scheduleAt: null, publishedAt: null }
    case 'draft':
    case 'private':
      return { status: 'draft', review: null, scheduleAt: null, publishedAt: null }
    case 'trash':
      return { skip: reasons.trash }
    case 'auto-draft':
      return { skip: reasons.autoDraft }
    default:
      return { status: 'draft', review: null, scheduleAt: null, publishedAt: null }
  }
}

/** Post types that become Byline documents; every other type is skipped and reported. */
export const IMPORTED_TYPES = { post: 'articles', page: 'pages', attachment: 'media' } as const

const NO_DATE = /^0000-00-00/

/** A post or comment date as ISO 8601: the GMT column, else the site-local one read as UTC. */
export function wordpressDate({ dateGmt, date }: { dateGmt: string; date: string }): string | null {
  for (const value of [dateGmt, date]) {
    if (!value || NO_DATE.test(value)) continue
    const parsed = new Date(`${value.trim().replace(' ', 'T')}Z`)
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString()
  }
  return null
}


/** `comment_approved`: 1 approved, 0 held, and WordPress's own spam and trash. */
export function commentStatus(approved: string): CommentStatus {
  switch (approved.trim()) {
    case '1':
    case 'approve':
      return 'approved'
    case 'spam':
      return 'spam'
    case 'trash':
    case 'post-trashed':
      return 'trash'
    default:
      return 'pending'
  }
}

/** Pingbacks and trackbacks are notices from other sites, not readers' comments. */
export const isLinkNotice = (comment: Pick<WxrComment, 'type'>) => comment.type === 'pingback' || comment.type === 'trackback'

/**
 * Orders an item's comments so that every parent comes before its replies, whatever order the
 * export lists them in; a reply to a comment that is not there (skipped, or missing) becomes a
 * top-level comment.
 */
export function threadOrder<T extends Pick<WxrComment, 'id' | 'parent'>>(comments: T[]): T[] {
  const byId = new Map(comments.map((c) => [c.id, c]))
  const placed = new Set<string>()
  const ordered: T[] = []
  const place = (comment: T, seen: Set<string>) => {
    if (placed.has(comment.id) || seen.has(comment.id)) return
    seen.add(comment.id)
    const parent = byId.get(comment.parent)
    if (parent) place(parent, seen)
    placed.add(comment.id)
    ordered.push(comment)
  }
  for (const comment of comments) place(comment, new Set())
  return ordered
}

type CategoryChoice = { category: string | null; extraCategories: string[]; tags: string[] }

/**
 * The article's one category: Yoast's primary category when the post meta names one of the
 * post's categories (by term id), else the first listed. The other categories become tags.
 */
export function chooseCategory(item: Pick<WxrItem, 'terms' | 'meta'>, categoryIdToSlug: ReadonlyMap<string, string>): CategoryChoice {
  const categories = unique(item.terms.filter((t) => t.domain === 'category').map((t) => t.slug))
  const tags = unique(item.terms.filter((t) => t.domain === 'post_tag').map((t) => t.slug))
  const primaryId = item.meta._yoast_wpseo_primary_category?.trim()
  const primary = primaryId ? categoryIdToSlug.get(primaryId) : undefined
  const category = primary && categories.includes(primary) ? primary : (categories[0] ?? null)
  const extraCategories = categories.filter((slug) => slug !== category)
  return { category, extraCategories, tags }
}

const unique = (values: string[]) => [...new Set(values.filter(Boolean))]

/**
 * Where an uploaded file sits in the site's copied uploads folder: the URL's path after
 * `/wp-content/uploads/`, else its whole path (decoded, without a leading slash).
 */
export function uploadsPath(url: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url, 'http://site.invalid').pathname)
  } catch {
    return null
  }
  const marker = '/wp-content/uploads/'
  const at = pathname.indexOf(marker)
  const relative = at >= 0 ? pathname.slice(at + marker.length) : pathname.replace(/^\/+/, '')
  // Never outside the folder: a `..` segment in a URL is refused.
  if (!relative || relative.split('/').some((segment) => segment === '..' || segment === '')) return null
  return relative
}

/** WordPress's resized copies (`photo-800x600.jpg`) name the original `photo.jpg`. */
export const originalImageUrl = (url: string) => url.replace(/-\d+x\d+(\.[a-z0-9]+)(?=$|[?#])/i, '$1')

/** The path part (with query) of a URL from the export, as the old site served it. */
function oldPath(url: string): string | null {
  try {
    const parsed = new URL(url)
    return `${parsed.pathname}${parsed.search}`
  } catch {
    return null
  }
}

/** The old addresses of each imported thing, as WordPress answered them; each redirects (301) to its Byline URL. */
export const oldAddresses = (base: string) => ({
  post: (item: Pick<WxrItem, 'id' | 'link'>) => unique([oldPath(item.link) ?? '', `${base}/?p=${item.id}`]),
  page: (item: Pick<WxrItem, 'id' | 'link'>) => unique([oldPath(item.link) ?? '', `${base}/?page_id=${item.id}`, `${base}/?p=${item.id}`]),
  category: (path: string[]) => unique([`${base}/category/${path.join('/')}/`, `${base}/category/${path.at(-1) ?? ''}/`]),
  tag: (slug: string) => [`${base}/tag/${slug}/`],
  author: (login: string) => [`${base}/author/${slugify(login)}/`],
  feed: () => [`${base}/feed/`],
  /** The feeds WordPress kept for each archive: /category/x/feed/, /tag/x/feed/, /author/x/feed/. */
  categoryFeed: (path: string[]) => unique([`${base}/category/${path.join('/')}/feed/`, `${base}/category/${path.at(-1) ?? ''}/feed/`]),
  tagFeed: (slug: string) => [`${base}/tag/${slug}/feed/`],
  authorFeed: (login: string) => [`${base}/author/${slugify(login)}/feed/`],
  /**
   * A post's or page's own comment feed, `{permalink}feed/`. Without pretty permalinks it was
   * `/?p=1&feed=rss2`, which the post's `/?p=1` redirect already matches.
   */
  commentFeed: (item: Pick<WxrItem, 'link'>) => {
    const path = oldPath(item.link)
    return path && !path.includes('?') ? [`${path.replace(/\/?$/, '/')}feed/`] : []
  },
  /**
   * An attachment's page and its file: the page's own link, `/?attachment_id=`, the page under the
   * post it was attached to (`{post permalink}{attachment slug}/`), and the uploaded file itself.
   */
  attachment: (item: { id: string; link: string; slug: string; url: string }, parentLink: string | null) => {
    const parentPath = parentLink ? oldPath(parentLink) : null
    return unique([
      oldPath(item.link) ?? '',
      `${base}/?attachment_id=${item.id}`,
      parentPath && item.slug && !parentPath.includes('?') ? `${parentPath.replace(/\/?$/, '/')}${item.slug}/` : '',
      oldPath(item.url) ?? '',
    ])
  },
})

/** Where WordPress lived on its host: '' at the root, `/blog` for a site installed in a folder. */
export function basePath(site: Pick<WxrSite, 'baseUrl' | 'link'>): string {
  try {
    return new URL(site.baseUrl || site.link).pathname.replace(/\/+$/, '')
  } catch {
    return ''
  }
}

/** A stable identity for the site an export comes from, so two sites' ids never meet. */
export function siteKey(site: Pick<WxrSite, 'baseUrl' | 'link'>): string {
  const raw = site.baseUrl || site.link
  try {
    const url = new URL(raw)
    return `${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase()
  } catch {
    return raw.trim().toLowerCase() || 'wordpress'
  }
}

/** A digest of what an item was imported from: equal digests mean nothing changed since the last run. */
export const checksum = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32)

/** WordPress stores a slug in another alphabet percent-encoded (`%d0%bf%d1%80…`): its letters, not its escapes. */
function decodedSlug(slug: string): string {
  if (!slug.includes('%')) return slug
  try {
    return decodeURIComponent(slug)
  } catch {
    return slug.replace(/%[0-9a-f]{2}/gi, '-')
  }
}

/**
 * The slug a document keeps: WordPress's own, made safe for Byline's URL rules (Cyrillic and Greek
 * spelled in Latin letters), else its title's, else `last` (an item's kind and id) for a text in an
 * alphabet that has no one Latin spelling.
 */
export const bylineSlug = (wanted: string, fallback: string, last = 'untitled') => slugify(decodedSlug(wanted)) || slugify(fallback) || last

/** Category nesting: each category's slugs from the top, as WordPress's nested category URLs spell them. */
export function categoryPaths(terms: WxrTerm[]): Map<string, string[]> {
  const bySlug = new Map(terms.map((t) => [t.slug, t]))
  const paths = new Map<string, string[]>()
  for (const term of terms) {
    const path: string[] = []
    const seen = new Set<string>()
    for (let cursor: WxrTerm | undefined = term; cursor && !seen.has(cursor.slug); cursor = bySlug.get(cursor.parent)) {
      seen.add(cursor.slug)
      path.unshift(cursor.slug)
    }
    paths.set(term.slug, path)
  }
  return paths
}

/** Parents before children, so each category's parent exists when it is written. */
export function parentsFirst(terms: WxrTerm[]): WxrTerm[] {
  const paths = categoryPaths(terms)
  return [...terms].sort((a, b) => (paths.get(a.slug)?.length ?? 0) - (paths.get(b.slug)?.length ?? 0))
}

let window: JSDOM['window'] | null = null
/** One parser window for the whole run: a JSDOM per comment would cost more than the comment. */
export function htmlDocument(html: string): Document {
  window ??= new JSDOM('').window
  return new window.DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html')
}

/**
 * A comment's HTML as Byline's plain text: tags dropped, paragraphs and line breaks kept, and a
 * link kept as its text followed by its address, which the comment thread shows as a link again.
 */
export function commentText(html: string): string {
  // Most comments are plain text: no markup, no entities, nothing to parse.
  if (!/[<&]/.test(html)) return html.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim()
  const document = htmlDocument(html.replace(/\r\n?/g, '\n'))
  const parts: string[] = []
  const BLOCKS = new Set(['P', 'DIV', 'BLOCKQUOTE', 'LI', 'UL', 'OL', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6'])
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '')
      return
    }
    if (node.nodeType !== 1) return
    const element = node as Element
    if (element.tagName === 'BR') {
      parts.push('\n')
      return
    }
    if (element.tagName === 'SCRIPT' || element.tagName === 'STYLE') return
    const block = BLOCKS.has(element.tagName)
    if (block) parts.push('\n\n')
    element.childNodes.forEach(visit)
    if (element.tagName === 'A') {
      const href = element.getAttribute('href')?.trim()
      const label = element.textContent?.trim() ?? ''
      if (href && /^https?:\/\//i.test(href) && href !== label) parts.push(` (${href})`)
    }
    if (block) parts.push('\n\n')
  }
  document.body.childNodes.forEach(visit)
  return parts
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”' }

/** WordPress stores titles and term names HTML-escaped (`Harbour &amp; Docks`); Byline stores text. */
/** A numeric reference's character; one that names no character (`&#99999999;`) becomes U+FFFD, as browsers read it. */
const character = (code: number) => (Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd')

export function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => character(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => character(Number(dec)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole)
    .trim()
}
