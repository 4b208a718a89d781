import 'server-only'

import type { Where } from 'payload'
import type { Article } from '@/payload-types'
import type { CategoryNode } from '../categories'
import type { ArticleSummary, CategoryRef } from './types'

import { getCategories } from '../categories'
import { imageRef } from '../media'
import { getPayloadClient } from '../payload'
import { getAuthors, getMedia } from '../references'
import { relationId, relationIds } from '../relationId'
import { articleHref, authorHref } from '../urls'

export const SUMMARY_SELECT = {
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  category: true,
  authors: true,
  heroImage: true,
} as const


const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined

/** Ids in order, each looked up; those the lookup lacks (deleted, not public) are left out. */
export const lookUp = <T>(ids: string[], found: ReadonlyMap<string, T | null>): T[] => ids.map((id) => found.get(id)).filter(present)

export const categoryOf = (categories: CategoryNode[], value: unknown): CategoryRef | null => {
  const id = relationId(value)
  const category = id ? categories.find((c) => c.id === id) : undefined
  return category ? { id: category.id, name: category.name, slug: category.slug } : null
}

type SummaryDoc = Pick<Article, 'authors' | 'category' | 'excerpt' | 'heroImage' | 'id' | 'publishedAt' | 'slug' | 'title'>

/**
 * Article cards for documents read at depth 0: their categories, authors and images come from
 * the remembered records (src/lib/references.ts), one lookup per collection for the whole list.
 */
export async function toSummaries(docs: SummaryDoc[]): Promise<ArticleSummary[]> {
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

/** Newest first; a category listing puts its pinned articles before the rest, newest first among each. */
export type ListingOrder = '-publishedAt' | 'pinned'
const SORTS: Record<ListingOrder | 'id', string[]> = { '-publishedAt': ['-publishedAt'], pinned: ['-pinned', '-publishedAt'], id: ['id'] }

/**
 * Published articles, newest first. Reads pass overrideAccess: false, so the collection's access
 * rules (published only, for the public) decide what comes back, as they do over REST.
 */
export async function querySummaries({
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
 * These articles, in no particular order (callers order them). Sorted by id, the database reads
 * them by primary key: sorted newest first, SQLite prefers walking the (_status, publishedAt)
 * index over every published article (220 ms at 100k articles) to find five ids.
 */
export async function summariesByIds(ids: string[]): Promise<ArticleSummary[]> {
  return toSummaries((await querySummaries({ where: { id: { in: ids } }, limit: ids.length, pagination: false, sort: 'id' })).docs)
}
