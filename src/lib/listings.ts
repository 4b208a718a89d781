import 'server-only'

import { cache } from 'react'

import type { Crumb } from './categories'

import { getArticlesInCategories, getArticlesTagged, getNewestInCategories } from './articles/listings'
import { getCategories, getCategoryPath, getCategoryWithDescendants } from './categories'
import { findOneBySlug } from './findDocuments'
import { getPayloadClient } from './payload'
import { categoryHref, tagHref } from './urls'
import { tag } from '@/cache/tags'
import { tagPage } from '@/cache/tagPage'

const LISTING_PAGE_SIZE = 10

/** A category page: the category, its breadcrumbs and subcategories, and one page of articles from the whole subtree. */
export const getCategoryListing = ({ slug, page }: { slug: string; page: number }) => findListing(slug, page)

// Cached per request by (slug, page): the page and its metadata share one lookup.
const findListing = cache(async (slug: string, page: number) => {
  const found = await getCategoryWithDescendants({ slug })
  if (!found) return null
  const [crumbs, articles] = await Promise.all([
    getCategoryPath({ slug }),
    getArticlesInCategories({ categoryIds: found.ids, page, limit: LISTING_PAGE_SIZE }),
  ])
  return {
    category: { name: found.category.name, slug: found.category.slug, href: categoryHref(found.category.slug) },
    crumbs: crumbs satisfies Crumb[],
    subcategories: found.children.map((c) => ({ name: c.name, href: categoryHref(c.slug) })),
    /** The category and every one under it: the listing shows articles filed in any of them. */
    categoryIds: found.ids,
    articles,
  }
})

/**
 * The home page's row per top-level category: its newest few articles, subcategories included.
 * One query per section; newsrooms have a handful of sections.
 */
export async function getSectionRows({ perSection = 3, excludeIds = [] }: { perSection?: number; excludeIds?: string[] } = {}) {
  const sections = (await getCategories()).filter((category) => category.parentId === null)
  const rows = await Promise.all(
    sections.map(async (section) => {
      const found = await getCategoryWithDescendants({ slug: section.slug })
      const articles = await getNewestInCategories({ categoryIds: found?.ids ?? [section.id], limit: perSection + excludeIds.length })
      return {
        name: section.name,
        href: categoryHref(section.slug),
        articles: articles.filter((a) => !excludeIds.includes(a.id)).slice(0, perSection),
      }
    }),
  )
  return rows.filter((row) => row.articles.length > 0)
}

/** A tag by its slug, as the public reads it (cached per request: a tag page and its metadata share it). */
export const getTagBySlug = cache(async (slug: string) => {
  const doc = await findOneBySlug({ collection: 'tags', slug, overrideAccess: false, select: { name: true, slug: true, description: true } })
  return doc ? { id: doc.id, name: doc.name, slug: doc.slug, description: doc.description ?? null, href: tagHref(doc.slug) } : null
})

/** A tag page: the tag and one page of its published articles, newest first. */
export const getTagListing = cache(async ({ slug, page }: { slug: string; page: number }) => {
  // Cached under the slug whatever the answer: a tag created with this slug later replaces a 404.
  await tagPage([tag.articleTagUrl(slug)])
  const found = await getTagBySlug(slug)
  if (!found) return null
  await tagPage([tag.articleTag(found.id)])
  return { tag: found, articles: await getArticlesTagged({ tagId: found.id, page, limit: LISTING_PAGE_SIZE }) }
})

/** Every tag's page, for the sitemap. */
export async function getTagUrls(): Promise<string[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({ collection: 'tags', overrideAccess: false, pagination: false, depth: 0, sort: 'slug', select: { slug: true } })
  await tagPage([tag.sitemap])
  return docs.map((doc) => tagHref(doc.slug))
}
