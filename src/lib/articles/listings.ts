import 'server-only'

import type { Where } from 'payload'
import type { ListingOrder } from './cards'
import type { ArticleSummary, Page } from './types'

import { summaryTags } from '@/cache/pageTags'
import { remember } from '@/cache/records'
import { tag } from '@/cache/tags'
import { getPayloadClient } from '../payload'
import { tagPage } from '@/cache/tagPage'
import { querySummaries, toSummaries } from './cards'

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
