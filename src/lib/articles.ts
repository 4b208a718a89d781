import 'server-only'

import type { Where } from 'payload'

import { cache } from 'react'

import type { Article } from '@/payload-types'

import { PUBLIC_ARTICLES } from '@/access/canReadArticle'
import { articlePageTags, summaryTags } from '@/cache/pageTags'
import { remember } from '@/cache/records'
import { tag } from '@/cache/tags'
import { findPublicRows } from '@/db/belowPayload'
import { getPopularArticleIds } from '@/pageViews/popular'
import type { TextPart } from '@/search'
import { highlight, searchArticles as searchEngine, snippet } from '@/search'

import type { CategoryNode } from './categories'
import type { ImageRef } from './media'
import type { AuthorDoc, CastDoc } from './references'

import { getCategories } from './categories'
import { imageRef } from './media'
import { getPayloadClient } from './payload'
import { plainText } from './plainText'
import { countWords, readingMinutes } from './readingTime'
import { getAuthors, getCastMembers, getMedia, getTags } from './references'
import { relationId, relationIds } from './relationId'
import { collectReferences, fillReferences } from './richTextReferences'
import type { RelatedCandidate } from './relatedStories'

import { RELATED_CANDIDATES, rankRelated } from './relatedStories'
import { articleHref, authorHref, castHref, tagHref } from './urls'
import { tagPage } from '@/cache/tagPage'

type CategoryRef = { id: string; name: string; slug: string }
export type AuthorRef = { id: string; name: string; slug: string; href: string; bio: string | null; avatar: ImageRef | null }
export type CastRef = { id: string; name: string; slug: string; href: string; character: string | null; photo: ImageRef | null }
type TagRef = { id: string; name: string; slug: string; href: string }

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
  tags: TagRef[]
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

const SUMMARY_SELECT = {
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  category: true,
  authors: true,
  heroImage: true,
} as const


export const authorRef = (author: AuthorDoc): AuthorRef => ({
  id: author.id,
  name: author.name,
  slug: author.slug,
  href: authorHref(author.slug),
  bio: author.bio ?? null,
  avatar: imageRef(author.avatar, 'thumbnail'),
})

export const castRef = (member: CastDoc): CastRef => ({
  id: member.id,
  name: member.name,
  slug: member.slug,
  href: castHref(member.slug),
  character: member.character ?? null,
  photo: imageRef(member.photo, 'thumbnail'),
})

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined

/** Ids in order, each looked up; those the lookup lacks (deleted, not public) are left out. */
const lookUp = <T>(ids: string[], found: ReadonlyMap<string, T | null>): T[] => ids.map((id) => found.get(id)).filter(present)

const categoryOf = (categories: CategoryNode[], value: unknown): CategoryRef | null => {
  const id = relationId(value)
  const category = id ? categories.find((c) => c.id === id) : undefined
  return category ? { id: category.id, name: category.name, slug: category.slug } : null
}

type SummaryDoc = Pick<Article, 'authors' | 'category' | 'excerpt' | 'heroImage' | 'id' | 'publishedAt' | 'slug' | 'title'>

/**
 * Article cards for documents read at depth 0: their categories, authors and images come from
 * the remembered records (src/lib/references.ts), one lookup per collection for the whole list.
 */
async function toSummaries(docs: SummaryDoc[]): Promise<ArticleSummary[]> {
  const [categories, authors, images] = await Promise.all([
    getCategories(),
    getAuthors(docs.flatMap((doc) => relationIds(doc.authors))),
    getMedia(docs.map((doc) => relationId(doc.heroImage))),
  ])
  return docs.map((doc) => {
    const category = categoryOf(categories, doc.category)
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
      authors: lookUp(relationIds(doc.authors), authors).map((a) => ({ id: a.id, name: a.name, href: authorHref(a.slug) })),
      image: imageRef(images.get(relationId(doc.heroImage) ?? ''), 'card'),
    }
  })
}

export type Page<T> = { docs: T[]; page: number; totalPages: number; totalDocs: number }

/** Newest first; a category listing puts its pinned articles before the rest, newest first among each. */
type ListingOrder = '-publishedAt' | 'pinned'
const SORTS: Record<ListingOrder | 'id', string[]> = { '-publishedAt': ['-publishedAt'], pinned: ['-pinned', '-publishedAt'], id: ['id'] }

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
  sort?: ListingOrder | 'id'
}) {
  const payload = await getPayloadClient()
  return payload.find({
    collection: 'articles',
    overrideAccess: false,
    where,
    sort: SORTS[sort],
    limit,
    page,
    pagination,
    depth: 0,
    select: SUMMARY_SELECT,
  })
}

/**
 * One page of a listing, with the totals its page links need. The first page, which nearly every
 * reader of a listing sees, reads only its own rows and takes the list's length from memory:
 * counting a long list reads its whole index range (10 ms for a category of 50,000 articles,
 * more than the rest of the query), and the count changes only when an article joins or leaves
 * the list, which expires `listTags`. Later pages count with their query, as Payload pages.
 */
async function findSummaries({
  where,
  limit,
  page = 1,
  listTags,
  sort = '-publishedAt',
}: {
  where?: Where
  limit: number
  page?: number
  listTags: string[]
  sort?: ListingOrder
}): Promise<Page<ArticleSummary>> {
  if (page === 1) {
    const [docs, totalDocs] = await Promise.all([listSummaries({ where, limit, listTags, sort }), countPublished({ where, listTags })])
    // As Payload reports an empty list: one page.
    return { docs, page, totalPages: Math.max(1, Math.ceil(totalDocs / limit)), totalDocs }
  }
  const result = await querySummaries({ where, limit, page, pagination: true, sort })
  const docs = await toSummaries(result.docs)
  await tagPage([...listTags, ...summaryTags(docs)])
  return { docs, page: result.page ?? page, totalPages: result.totalPages, totalDocs: result.totalDocs }
}

/** How many published articles a listing holds, remembered until an article joins or leaves it. */
function countPublished({ where, listTags }: { where?: Where; listTags: string[] }): Promise<number> {
  return remember({
    key: `count:articles:${JSON.stringify(where ?? {})}`,
    tags: listTags,
    load: async () => (await (await getPayloadClient()).count({ collection: 'articles', overrideAccess: false, where })).totalDocs,
  })
}

/**
 * The newest few, for lists without page links: no count query. Which articles, and their own
 * fields, are remembered under the list's tags: every change that could alter them (an article
 * published, unpublished, edited or moved on or off the list) expires those tags (articleTags in
 * src/cache/hooks.ts). The authors, categories and images the cards show come from their own
 * records at each render.
 */
async function listSummaries({
  where,
  limit,
  listTags,
  sort = '-publishedAt',
}: {
  where?: Where
  limit: number
  listTags: string[]
  sort?: ListingOrder
}): Promise<ArticleSummary[]> {
  const docs = await remember({
    key: `list:articles:${JSON.stringify(where ?? {})}:${limit}:${sort}`,
    tags: listTags,
    load: async () => (await querySummaries({ where, limit, pagination: false, sort })).docs,
  })
  const summaries = await toSummaries(docs)
  // The page showing this list goes stale when an article joins or leaves it, or one shown changes.
  await tagPage([...listTags, ...summaryTags(summaries)])
  return summaries
}

/**
 * These articles, in no particular order (callers order them). Sorted by id, the database reads
 * them by primary key: sorted newest first, SQLite prefers walking the (_status, publishedAt)
 * index over every published article (220 ms at 100k articles) to find five ids.
 */
async function summariesByIds(ids: string[]): Promise<ArticleSummary[]> {
  return toSummaries((await querySummaries({ where: { id: { in: ids } }, limit: ids.length, pagination: false, sort: 'id' })).docs)
}

export async function getLatestArticles({ limit = 20, page = 1 }: { limit?: number; page?: number } = {}) {
  return findSummaries({ limit, page, listTags: [tag.latest] })
}

/** A category listing's page: pinned articles first (editors keep them at the top), then the newest. */
export async function getArticlesInCategories({ categoryIds, page, limit }: { categoryIds: string[]; page: number; limit: number }) {
  return findSummaries({ where: { category: { in: categoryIds } }, limit, page, listTags: categoryIds.map(tag.inCategory), sort: 'pinned' })
}

/** The home page's lead: the newest featured article, or null when none is featured. */
export async function getFeaturedLead(): Promise<ArticleSummary | null> {
  const [lead] = await listSummaries({ where: { featured: { equals: true } }, limit: 1, listTags: [tag.featured] })
  return lead ?? null
}

/** One page of a tag's published articles, newest first. */
export async function getArticlesTagged({ tagId, page, limit }: { tagId: string; page: number; limit: number }) {
  return findSummaries({ where: { tags: { in: [tagId] } }, limit, page, listTags: [tag.taggedWith(tagId)] })
}

/** A tag's newest articles, for its feed. */
export async function getNewestTagged({ tagId, limit }: { tagId: string; limit: number }) {
  return listSummaries({ where: { tags: { in: [tagId] } }, limit, listTags: [tag.taggedWith(tagId)] })
}

/** The newest articles filed in any of these categories, for rows and feeds that show no page links. */
export async function getNewestInCategories({ categoryIds, limit }: { categoryIds: string[]; limit: number }) {
  return listSummaries({ where: { category: { in: categoryIds } }, limit, listTags: categoryIds.map(tag.inCategory) })
}

export async function getArticlesByAuthor({ authorId, limit = 50 }: { authorId: string; limit?: number }) {
  return listSummaries({ where: { authors: { in: [authorId] } }, limit, listTags: [tag.byAuthor(authorId)] })
}

export async function getArticlesFeaturingCast({ castId, limit = 50 }: { castId: string; limit?: number }) {
  return listSummaries({ where: { cast: { in: [castId] } }, limit, listTags: [tag.featuringCast(castId)] })
}

const RELATED_SELECT = { publishedAt: true, category: true, tags: true, cast: true } as const

/** The newest published articles matching `where`, other than this one, with what they are filed under. */
async function relatedCandidates({ articleId, where }: { articleId: string; where: Where }): Promise<RelatedCandidate[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: { and: [{ id: { not_equals: articleId } }, where] },
    sort: '-publishedAt',
    limit: RELATED_CANDIDATES,
    pagination: false,
    depth: 0,
    select: RELATED_SELECT,
  })
  return docs.map((doc) => ({ id: doc.id, categoryId: relationId(doc.category), tagIds: relationIds(doc.tags), castIds: relationIds(doc.cast), publishedAt: doc.publishedAt ?? null }))
}

/**
 * "Related stories" under an article: published articles sharing its tags, cast or category,
 * ranked by src/lib/relatedStories.ts. Candidates are read per relation (the newest sharing a
 * tag, a cast member, the category), so a busy category cannot crowd out an older story on the
 * same tag. Which ids rank is remembered under the lists the candidates come from, so an article
 * joining or leaving one of them (published, unpublished, retagged) expires it; the cards are
 * read as the public at each render, so an article unpublished since is left out.
 */
export async function getRelatedArticles({ article }: { article: Pick<ArticleView, 'id' | 'category' | 'tags' | 'cast'> }): Promise<ArticleSummary[]> {
  const subject = { id: article.id, categoryId: article.category.id, tagIds: article.tags.map((t) => t.id), castIds: article.cast.map((c) => c.id) }
  const ids = await remember({
    key: `related:${JSON.stringify(subject)}`,
    tags: [tag.inCategory(subject.categoryId), ...subject.tagIds.map(tag.taggedWith), ...subject.castIds.map(tag.featuringCast)],
    load: async () => {
      const lists = await Promise.all([
        relatedCandidates({ articleId: subject.id, where: { category: { equals: subject.categoryId } } }),
        subject.tagIds.length > 0 ? relatedCandidates({ articleId: subject.id, where: { tags: { in: subject.tagIds } } }) : [],
        subject.castIds.length > 0 ? relatedCandidates({ articleId: subject.id, where: { cast: { in: subject.castIds } } }) : [],
      ])
      const unique = new Map(lists.flat().map((candidate) => [candidate.id, candidate]))
      return rankRelated(subject, [...unique.values()])
    },
  })
  if (ids.length === 0) return []
  const position = new Map(ids.map((id, index) => [id, index]))
  const related = (await summariesByIds(ids)).sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
  // The stories shown refresh the page when they change or are unpublished. A story newly
  // published on the same tag, cast or category is not subscribed to, so that one publish does
  // not expire every article page of its category: it appears when the page is next regenerated,
  // within the route's `revalidate` (an hour) at most.
  await tagPage(summaryTags(related))
  return related
}

export type SearchResult = ArticleSummary & {
  /** The title, excerpt and a stretch of the body around the first match, the matched words marked. */
  highlighted: { title: TextPart[]; excerpt: TextPart[] | null; snippet: TextPart[] | null }
}

export type SearchResults = Page<SearchResult> & {
  /** More articles match than `totalDocs`, which is then only how many were counted. */
  more: boolean
}

/**
 * Published articles matching a reader's search, best first (src/search: title matches, then
 * excerpt, then body, newest first within each; word forms matched where the database can),
 * with the matched words marked in each result's title, excerpt and a snippet of its body. The
 * engine indexes published articles only; the summaries and bodies are then read through
 * Payload with the public's access, as any listing, so nothing unpublished can reach the page.
 */
export async function searchArticles({
  query,
  page = 1,
  limit = 10,
  countUpTo,
}: {
  query: string
  page?: number
  limit?: number
  countUpTo?: number
}): Promise<SearchResults> {
  const payload = await getPayloadClient()
  const found = await searchEngine({ payload, query, page, limit, countUpTo })
  const pageIds = found.hits.map((hit) => hit.id)
  if (pageIds.length === 0) return { docs: [], page, totalPages: found.totalPages, totalDocs: found.totalDocs, more: found.more }
  const [summaries, bodies] = await Promise.all([
    summariesByIds(pageIds),
    payload.find({ collection: 'articles', overrideAccess: false, depth: 0, pagination: false, limit: pageIds.length, where: { id: { in: pageIds } }, select: { content: true } }),
  ])
  const bodyOf = new Map(bodies.docs.map((doc) => [String(doc.id), plainText(doc.content)]))
  const byId = new Map(summaries.map((summary) => [summary.id, summary]))
  const docs = pageIds.flatMap((id): SearchResult[] => {
    const summary = byId.get(id)
    if (!summary) return []
    const body = bodyOf.get(id) ?? ''
    return [
      {
        ...summary,
        highlighted: {
          title: highlight(summary.title, found.terms),
          excerpt: summary.excerpt ? highlight(summary.excerpt, found.terms) : null,
          snippet: snippet(body, found.terms),
        },
      },
    ]
  })
  return { docs, page, totalPages: found.totalPages, totalDocs: found.totalDocs, more: found.more }
}

/** Every published article's URL and last change, for the sitemap. */
export async function getPublishedArticleUrls(): Promise<{ href: string; updatedAt: string }[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    pagination: false,
    depth: 0,
    sort: '-publishedAt',
    select: { slug: true, category: true, updatedAt: true },
  })
  await tagPage([tag.sitemap])
  const categories = await getCategories()
  return docs.flatMap((doc) => {
    const category = categoryOf(categories, doc.category)
    // An article without a category has no canonical URL; its link elsewhere redirects, so it is left out.
    return category ? [{ href: articleHref({ categorySlug: category.slug, slug: doc.slug }), updatedAt: doc.updatedAt }] : []
  })
}

export type MostPopular = {
  /** How the list was ranked: readers' page views over the last week, padded with the newest while few are counted. */
  ranking: 'views' | 'newest-fallback'
  articles: ArticleSummary[]
}

/** Views move slowly and summing the week's rows is not free: one list serves a minute of renders. */
const POPULAR_TTL_MS = 60_000

/**
 * The ranked list, remembered for a minute and dropped at once when an article, author or image
 * on it changes, or an article is published (the padding shows the newest).
 */
function popularList(limit: number): Promise<MostPopular> {
  return remember({
    key: `popular:${limit}`,
    ttlMs: POPULAR_TTL_MS,
    tags: [tag.latest, tag.categories],
    tagsOf: (list) => summaryTags(list.articles),
    load: async () => {
      const payload = await getPayloadClient()
      const ids = await getPopularArticleIds({ payload, limit })
      // The summaries query applies the public access rules, so an article unpublished since it was ranked drops out here.
      const ranked = ids.length > 0 ? await summariesByIds(ids) : []
      ranked.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
      // Read as it is: this whole list is remembered already, and the padding's key would change with every ranking.
      const padding = { where: ranked.length > 0 ? { id: { not_in: ranked.map((a) => a.id) } } : undefined, limit: limit - ranked.length, pagination: false }
      const newest = ranked.length >= limit ? [] : await toSummaries((await querySummaries(padding)).docs)
      return { ranking: ranked.length > 0 ? 'views' : 'newest-fallback', articles: [...ranked, ...newest] } satisfies MostPopular
    },
  })
}

/**
 * "Most Popular": the most viewed published articles of the last seven days (counted by the
 * article page's view beacon, src/pageViews), padded with the newest while few have views. One more
 * is ranked than shown, so leaving out the article the list sits beside still fills it.
 */
export async function getMostPopular({ limit = 5, excludeId }: { limit?: number; excludeId?: string } = {}): Promise<MostPopular> {
  const list = await popularList(limit + 1)
  const articles = list.articles.filter((a) => a.id !== excludeId).slice(0, limit)
  // The ranking itself moves with the page's hourly regeneration; the stories shown, when they change.
  await tagPage(summaryTags(articles))
  return { ranking: list.ranking, articles }
}

const ARTICLE_SELECT = { ...SUMMARY_SELECT, content: true, cast: true, tags: true, commentsOpen: true, updatedAt: true, meta: true } as const

/**
 * One published article by slug, as stored (depth 0): toArticleView fills in what it refers to.
 * Cached per request (page and metadata share it).
 *
 * Read through the database adapter's own find, as the public's access rule reads articles
 * (published only, src/access/canReadArticle.ts): Payload's find operation around it added
 * access checks and a read traversal of every field, 2.9 ms against 1.8 ms for the reference
 * article. The adapter reads the collection's own rows, which hold what was last published
 * (a draft saved on top lives in the versions until it is published), so drafts stay out; the
 * article view copies named fields only.
 */
const findPublishedArticle = cache(async (slug: string): Promise<ArticleDoc | null> => {
  const payload = await getPayloadClient()
  const [article] = await findPublicRows<Article>({
    payload,
    collection: 'articles',
    publicFilter: PUBLIC_ARTICLES,
    where: { slug: { equals: slug } },
    select: ARTICLE_SELECT,
    limit: 1,
  })
  return article ?? null
})

type ArticleLookup = { status: 'found'; article: ArticleView } | { status: 'moved'; href: string } | { status: 'missing' }

/**
 * The article page's data. An article lives at its own category's URL; asked for under another
 * category, the lookup says where it moved so the page can redirect permanently.
 */
export async function getArticle({ category, slug }: { category: string; slug: string }): Promise<ArticleLookup> {
  // Whatever the answer, it is cached under the slug: publishing an article here replaces a 404
  // or a redirect, and so does a subpage published at this path (src/lib/sitePages.ts).
  await tagPage([tag.articleUrl(slug), tag.pageUrl(slug)])
  const doc = await findPublishedArticle(slug)
  if (!doc) return { status: 'missing' }
  const own = categoryOf(await getCategories(), doc.category)
  if (!own) return { status: 'missing' }
  if (own.slug !== category) return { status: 'moved', href: articleHref({ categorySlug: own.slug, slug: doc.slug }) }

  const article = await articleView(doc, own)
  await tagPage(articlePageTags(article))
  return { status: 'found', article }
}

/** The view is built once per request however many times the page and its metadata ask. */
const articleView = cache((doc: ArticleDoc, category: CategoryRef) => toArticleView(doc, category))

/** An article as the page reads it: the fields of ARTICLE_SELECT. */
type ArticleDoc = Pick<Article, 'id' | keyof typeof ARTICLE_SELECT>

/**
 * Published articles linked from a body, as internal links need them (slug and category). Read
 * as the public, so a link to an unpublished article comes back missing and reads as plain text.
 */
async function getLinkedArticles(ids: string[]): Promise<Map<string, { id: string; title: string; slug: string; category: CategoryRef | null }>> {
  if (ids.length === 0) return new Map()
  const payload = await getPayloadClient()
  const [{ docs }, categories] = await Promise.all([
    payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { id: { in: ids } },
      limit: ids.length,
      pagination: false,
      depth: 0,
      sort: 'id',
      select: { title: true, slug: true, category: true },
    }),
    getCategories(),
  ])
  return new Map(docs.map((doc) => [doc.id, { id: doc.id, title: doc.title, slug: doc.slug, category: categoryOf(categories, doc.category) }]))
}

/**
 * The article page's view of a stored article. Its authors, cast, images and everything its body
 * refers to are looked up once per collection (src/lib/references.ts, src/lib/richTextReferences.ts)
 * rather than through Payload's population, which read each related document in full, with
 * every field hook, twice over for depth 2 (an article page spent 20 ms there).
 */
async function toArticleView(doc: ArticleDoc, category: CategoryRef): Promise<ArticleView> {
  const inBody = collectReferences(doc.content)
  const authorIds = relationIds(doc.authors)
  const castIds = relationIds(doc.cast)
  const tagIds = relationIds(doc.tags)
  const heroId = relationId(doc.heroImage)
  const ogId = relationId(doc.meta?.image)
  const [authors, cast, media, articles, tags] = await Promise.all([
    getAuthors([...authorIds, ...inBody.authors]),
    getCastMembers([...castIds, ...inBody.cast]),
    getMedia([heroId, ogId, ...inBody.media]),
    getLinkedArticles(inBody.articles),
    getTags(tagIds),
  ])
  const content = doc.content ? fillReferences(doc.content, { authors, cast, media, articles }) : doc.content
  const hero = media.get(heroId ?? '')
  const words = countWords(content)
  return {
    id: doc.id,
    title: doc.title,
    slug: doc.slug,
    href: articleHref({ categorySlug: category.slug, slug: doc.slug }),
    excerpt: doc.excerpt ?? null,
    publishedAt: doc.publishedAt ?? null,
    category,
    authors: lookUp(authorIds, authors).map(authorRef),
    cast: lookUp(castIds, cast).map(castRef),
    tags: lookUp(tagIds, tags).map((t) => ({ id: t.id, name: t.name, slug: t.slug, href: tagHref(t.slug) })),
    hero: imageRef(hero, 'hero'),
    // The sharing image an editor chose wins over the hero.
    ogImage: imageRef(media.get(ogId ?? ''), 'og') ?? imageRef(hero, 'og'),
    seo: { title: doc.meta?.title || null, description: doc.meta?.description || null },
    content,
    updatedAt: doc.updatedAt,
    commentsOpen: doc.commentsOpen !== false,
    wordCount: words,
    readingMinutes: readingMinutes(words),
  }
}

/**
 * A rich-text body as reader pages render it, with the authors, cast, images and published
 * articles it links to filled in (a page's body; the article view does the same for its own).
 */
export async function fillBody(content: Article['content']): Promise<Article['content']> {
  if (!content) return content
  const inBody = collectReferences(content)
  const [authors, cast, media, articles] = await Promise.all([
    getAuthors(inBody.authors),
    getCastMembers(inBody.cast),
    getMedia(inBody.media),
    getLinkedArticles(inBody.articles),
  ])
  return fillReferences(content, { authors, cast, media, articles })
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
    depth: 0,
    select: ARTICLE_SELECT,
  })
  const category = doc ? categoryOf(await getCategories(), doc.category) : null
  return doc && category && doc.slug ? toArticleView(doc, category) : null
}
