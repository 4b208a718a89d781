import 'server-only'

import type { Where } from 'payload'

import { cache } from 'react'

import type { Article, Author, Cast, Category } from '@/payload-types'

import type { ImageRef } from './media'

import { getPopularArticleIds } from '@/views/popular'

import { imageRef } from './media'
import { getPayloadClient } from './payload'
import { countWords, readingMinutes } from './readingTime'
import { searchWords } from './searchQuery'
import { articleHref, authorHref, castHref } from './urls'

export type CategoryRef = { id: string; name: string; slug: string }
export type AuthorRef = { id: string; name: string; slug: string; href: string; bio: string | null; avatar: ImageRef | null }
export type CastRef = { id: string; name: string; slug: string; href: string; character: string | null; photo: ImageRef | null }

export type ArticleSummary = {
  id: string
  title: string
  slug: string
  href: string
  excerpt: string | null
  publishedAt: string | null
  category: CategoryRef | null
  authors: { id: string; name: string; href: string }[]
  image: ImageRef | null
}

export type ArticleView = Omit<ArticleSummary, 'authors' | 'category' | 'image'> & {
  category: CategoryRef
  authors: AuthorRef[]
  cast: CastRef[]
  hero: ImageRef | null
  ogImage: ImageRef | null
  /** The editor's search and sharing overrides (the SEO plugin's `meta` group), when set. */
  seo: { title: string | null; description: string | null }
  content: Article['content']
  updatedAt: string
  commentsOpen: boolean
  wordCount: number
  readingMinutes: number
}

/** A stored rendition as imageRef reads it. Its url, type and size are computed or unused. */
const RENDITION = { filename: true, width: true, height: true } as const

/**
 * What related documents are populated with, per collection. Upload fields need their file
 * metadata for next/image; everything else is trimmed to what reader pages show. Payload runs
 * its read hooks field by field for every populated document (an image's five renditions with
 * all their fields cost more than the article row itself), so narrow selects are cheaper renders.
 */
const POPULATE = {
  categories: { name: true, slug: true },
  media: {
    alt: true,
    filename: true,
    width: true,
    height: true,
    sizes: { thumbnail: RENDITION, card: RENDITION, column: RENDITION, hero: RENDITION, og: RENDITION },
  },
  authors: { name: true, slug: true, bio: true, avatar: true },
  cast: { name: true, slug: true, character: true, photo: true },
  // Internal links in article bodies resolve through the linked article's category.
  articles: { title: true, slug: true, category: true },
} as const

const SUMMARY_SELECT = {
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  category: true,
  authors: true,
  heroImage: true,
} as const

const isObject = <T extends { id: string }>(value: T | string | null | undefined): value is T =>
  typeof value === 'object' && value !== null

export const categoryRef = (category: Category | string | null | undefined): CategoryRef | null =>
  isObject(category) ? { id: category.id, name: category.name, slug: category.slug } : null

export const authorRef = (author: Pick<Author, 'avatar' | 'bio' | 'id' | 'name' | 'slug'>): AuthorRef => ({
  id: author.id,
  name: author.name,
  slug: author.slug,
  href: authorHref(author.slug),
  bio: author.bio ?? null,
  avatar: imageRef(author.avatar, 'thumbnail'),
})

export const castRef = (member: Pick<Cast, 'character' | 'id' | 'name' | 'photo' | 'slug'>): CastRef => ({
  id: member.id,
  name: member.name,
  slug: member.slug,
  href: castHref(member.slug),
  character: member.character ?? null,
  photo: imageRef(member.photo, 'thumbnail'),
})

type SummaryDoc = Pick<Article, 'authors' | 'category' | 'excerpt' | 'heroImage' | 'id' | 'publishedAt' | 'slug' | 'title'>

function toSummary(doc: SummaryDoc): ArticleSummary {
  const category = categoryRef(doc.category)
  return {
    id: doc.id,
    title: doc.title,
    slug: doc.slug,
    // Every published article has a category (the field is required); the fallback keeps a link
    // usable if the category was deleted, and the article page then redirects to the right one.
    href: articleHref({ categorySlug: category?.slug ?? 'news', slug: doc.slug }),
    excerpt: doc.excerpt ?? null,
    publishedAt: doc.publishedAt ?? null,
    category,
    authors: (doc.authors ?? []).filter(isObject).map((a) => ({ id: a.id, name: a.name, href: authorHref(a.slug) })),
    image: imageRef(doc.heroImage, 'card'),
  }
}

export type Page<T> = { docs: T[]; page: number; totalPages: number; totalDocs: number }

/**
 * Published articles, newest first. Reads pass overrideAccess: false, so the collection's access
 * rules (published only, for the public) decide what comes back, as they do over REST.
 */
async function querySummaries({
  where,
  limit,
  page = 1,
  pagination,
  sort = '-publishedAt',
}: {
  where?: Where
  limit: number
  page?: number
  pagination: boolean
  sort?: '-publishedAt' | 'id'
}) {
  const payload = await getPayloadClient()
  return payload.find({
    collection: 'articles',
    overrideAccess: false,
    where,
    sort,
    limit,
    page,
    pagination,
    depth: 1,
    select: SUMMARY_SELECT,
    populate: { categories: POPULATE.categories, media: POPULATE.media, authors: { name: true, slug: true } },
  })
}

/** One page of a listing, with the totals its page links need (a count query on top of the page's own). */
async function findSummaries({ where, limit, page = 1 }: { where?: Where; limit: number; page?: number }): Promise<Page<ArticleSummary>> {
  const result = await querySummaries({ where, limit, page, pagination: true })
  return { docs: result.docs.map(toSummary), page: result.page ?? page, totalPages: result.totalPages, totalDocs: result.totalDocs }
}

/** The newest few, for lists without page links: no count query. */
async function listSummaries({ where, limit }: { where?: Where; limit: number }): Promise<ArticleSummary[]> {
  return (await querySummaries({ where, limit, pagination: false })).docs.map(toSummary)
}

/**
 * These articles, in no particular order (callers order them). Sorted by id, the database reads
 * them by primary key: sorted newest first, SQLite prefers walking the (_status, publishedAt)
 * index over every published article (220 ms at 100k articles) to find five ids.
 */
async function summariesByIds(ids: string[]): Promise<ArticleSummary[]> {
  return (await querySummaries({ where: { id: { in: ids } }, limit: ids.length, pagination: false, sort: 'id' })).docs.map(toSummary)
}

export async function getLatestArticles({ limit = 20, page = 1 }: { limit?: number; page?: number } = {}) {
  return findSummaries({ limit, page })
}

export async function getArticlesInCategories({ categoryIds, page, limit }: { categoryIds: string[]; page: number; limit: number }) {
  return findSummaries({ where: { category: { in: categoryIds } }, limit, page })
}

/** The newest articles filed in any of these categories, for rows and feeds that show no page links. */
export async function getNewestInCategories({ categoryIds, limit }: { categoryIds: string[]; limit: number }) {
  return listSummaries({ where: { category: { in: categoryIds } }, limit })
}

export async function getArticlesByAuthor({ authorId, limit = 50 }: { authorId: string; limit?: number }) {
  return listSummaries({ where: { authors: { in: [authorId] } }, limit })
}

export async function getArticlesFeaturingCast({ castId, limit = 50 }: { castId: string; limit?: number }) {
  return listSummaries({ where: { cast: { in: [castId] } }, limit })
}

/** A search counts its matches exactly up to this many; past it, it says "more than". */
export const SEARCH_COUNT_CAP = 100

export type SearchResults = Page<ArticleSummary> & {
  /** More articles match than `totalDocs`, which is then only how many were counted. */
  more: boolean
}

/**
 * Published articles matching a reader's search, newest first: every word of the query, in any
 * order, somewhere in the title, the excerpt or the body text. Each word is a contains test on
 * the stored, folded search text (see articleSearchText), so the database does the matching;
 * access applies as for any listing, so drafts never match.
 *
 * A contains test cannot use an index, so an exact count would read every published article
 * (at 100,000 articles a common word cost 100 ms more per search than the page it counted for).
 * Instead the ids of the newest matches are read, newest first, down to this page or
 * `countUpTo` (whichever is further), which stops early for common words: the count is exact up
 * to there, and "more" past it, with one page link beyond. Then the page's summaries are read
 * by id. Both are plain finds without offsets, the same on every adapter.
 */
export async function searchArticles({
  query,
  page = 1,
  limit = 10,
  countUpTo = SEARCH_COUNT_CAP,
}: {
  query: string
  page?: number
  limit?: number
  countUpTo?: number
}): Promise<SearchResults> {
  const words = searchWords(query)
  if (words.length === 0) return { docs: [], page, totalPages: 0, totalDocs: 0, more: false }
  const payload = await getPayloadClient()
  const wanted = Math.max(page * limit, countUpTo)
  const { docs: matches } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: { and: words.map((word) => ({ searchText: { like: word } })) },
    sort: '-publishedAt',
    limit: wanted + 1,
    pagination: false,
    depth: 0,
    select: { publishedAt: true },
  })
  const more = matches.length > wanted
  const ids = matches.slice(0, wanted).map((match) => String(match.id))
  const pageIds = ids.slice((page - 1) * limit, page * limit)
  const position = new Map(pageIds.map((id, index) => [id, index]))
  const docs = pageIds.length > 0 ? (await summariesByIds(pageIds)).sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)) : []
  const totalPages = more ? Math.floor(wanted / limit) + 1 : Math.ceil(ids.length / limit)
  return { docs, page, totalPages, totalDocs: ids.length, more }
}

/** Every published article's URL and last change, for the sitemap. */
export async function getPublishedArticleUrls(): Promise<{ href: string; updatedAt: string }[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    pagination: false,
    depth: 1,
    sort: '-publishedAt',
    select: { slug: true, category: true, updatedAt: true },
    populate: { categories: POPULATE.categories },
  })
  return docs.flatMap((doc) => {
    const category = categoryRef(doc.category)
    // An article without a category has no canonical URL; its link elsewhere redirects, so it is left out.
    return category ? [{ href: articleHref({ categorySlug: category.slug, slug: doc.slug }), updatedAt: doc.updatedAt }] : []
  })
}

export type MostPopular = {
  /** How the list was ranked: readers' page views over the last week, padded with the newest while few are counted. */
  ranking: 'views' | 'newest-fallback'
  articles: ArticleSummary[]
}

/** Views move slowly and summing the week's rows is not free: one ranking serves a minute of renders. */
const POPULAR_TTL_MS = 60_000
let popularMemo: { at: number; limit: number; ids: Promise<string[]> } | null = null

async function popularIds(limit: number): Promise<string[]> {
  if (!popularMemo || popularMemo.limit < limit || Date.now() - popularMemo.at > POPULAR_TTL_MS) {
    const ids = getPayloadClient().then((payload) => getPopularArticleIds({ payload, limit }))
    popularMemo = { at: Date.now(), limit, ids }
    // A failed ranking is retried by the next render, not remembered for a minute.
    ids.catch(() => {
      popularMemo = null
    })
  }
  return popularMemo.ids
}

/**
 * "Most Popular": the most viewed published articles of the last seven days (counted by the
 * article page's view beacon, src/views), padded with the newest while few have views.
 */
export async function getMostPopular({ limit = 5, excludeId }: { limit?: number; excludeId?: string } = {}): Promise<MostPopular> {
  const ids = (await popularIds(limit + 1)).filter((id) => id !== excludeId).slice(0, limit)
  // The summaries query applies the public access rules, so an article unpublished since it was ranked drops out here.
  const ranked = ids.length > 0 ? await summariesByIds(ids) : []
  ranked.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
  if (ranked.length >= limit) return { ranking: 'views', articles: ranked }
  const shown = new Set([...ranked.map((a) => a.id), ...(excludeId ? [excludeId] : [])])
  const newest = await listSummaries({ where: shown.size > 0 ? { id: { not_in: [...shown] } } : undefined, limit: limit - ranked.length })
  return { ranking: ranked.length > 0 ? 'views' : 'newest-fallback', articles: [...ranked, ...newest] }
}

/** One published article by slug, populated for the article page. Cached per request (page and metadata share it). */
const findPublishedArticle = cache(async (slug: string) => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    // 2 reaches the photos of cast cards and the category of articles linked from the body.
    depth: 2,
    select: {
      ...SUMMARY_SELECT,
      content: true,
      cast: true,
      commentsOpen: true,
      updatedAt: true,
      meta: true,
    },
    populate: POPULATE,
  })
  return docs[0] ?? null
})

export type ArticleLookup = { status: 'found'; article: ArticleView } | { status: 'moved'; href: string } | { status: 'missing' }

/**
 * The article page's data. An article lives at its own category's URL; asked for under another
 * category, the lookup says where it moved so the page can redirect permanently.
 */
export async function getArticle({ category, slug }: { category: string; slug: string }): Promise<ArticleLookup> {
  const doc = await findPublishedArticle(slug)
  if (!doc) return { status: 'missing' }
  const own = categoryRef(doc.category)
  if (!own) return { status: 'missing' }
  if (own.slug !== category) return { status: 'moved', href: articleHref({ categorySlug: own.slug, slug: doc.slug }) }

  return { status: 'found', article: toArticleView(doc, own) }
}

type ArticleDoc = NonNullable<Awaited<ReturnType<typeof findPublishedArticle>>>

function toArticleView(doc: ArticleDoc, category: CategoryRef): ArticleView {
  const words = countWords(doc.content)
  return {
    ...toSummary(doc),
    category,
    authors: (doc.authors ?? []).filter(isObject).map(authorRef),
    cast: (doc.cast ?? []).filter(isObject).map(castRef),
    hero: imageRef(doc.heroImage, 'hero'),
    // The sharing image an editor chose wins over the hero.
    ogImage: imageRef(doc.meta?.image, 'og') ?? imageRef(doc.heroImage, 'og'),
    seo: { title: doc.meta?.title || null, description: doc.meta?.description || null },
    content: doc.content,
    updatedAt: doc.updatedAt,
    commentsOpen: doc.commentsOpen !== false,
    wordCount: words,
    readingMinutes: readingMinutes(words),
  }
}

/**
 * The newest draft of an article, as the article page shows it: for staff previews only. The
 * caller (src/preview) has checked a signed preview token first; readers never reach this.
 */
export async function getDraftArticle(id: string): Promise<ArticleView | null> {
  const payload = await getPayloadClient()
  const doc = await payload.findByID({
    collection: 'articles',
    id,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
    depth: 2,
    select: { ...SUMMARY_SELECT, content: true, cast: true, commentsOpen: true, updatedAt: true, meta: true },
    populate: POPULATE,
  })
  const category = categoryRef(doc?.category)
  return doc && category && doc.slug ? toArticleView(doc, category) : null
}
