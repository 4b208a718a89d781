import 'server-only'

import { cache } from 'react'

import { remember } from '@/cache/records'
import { tag } from '@/cache/tags'

import { getPayloadClient } from './payload'
import { categoryHref } from './urls'
import { relationId } from '@/lib/relationId'
import { tagPage } from '@/cache/tagPage'

export type CategoryNode = { id: string; name: string; slug: string; parentId: string | null }
export type Crumb = { name: string; href: string }

/**
 * The whole category tree in one small query: newsrooms have tens of categories, and every page's
 * navigation, breadcrumbs, listings and article cards walk it. Remembered until a category changes.
 */
export async function getCategories(): Promise<CategoryNode[]> {
  await tagWithCategories()
  return remember({ key: 'categories', tags: [tag.categories], load: loadCategories })
}

/**
 * Every reader page shows the sections (the layout's navigation), so every page carries this tag;
 * navigation, breadcrumbs and cards ask for the tree many times a render, and once is enough.
 */
const tagWithCategories = cache(() => tagPage([tag.categories]))

async function loadCategories(): Promise<CategoryNode[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'categories',
    overrideAccess: false,
    depth: 0,
    pagination: false,
    sort: 'name',
    select: { name: true, slug: true, parent: true },
  })
  return docs.map((doc) => ({
    id: doc.id,
    name: doc.name,
    slug: doc.slug,
    parentId: relationId(doc.parent),
  }))
}

/** Whether a category has this slug: routes shared with standing pages ask it first, from memory. */
export const isCategorySlug = async (slug: string): Promise<boolean> => (await getCategories()).some((category) => category.slug === slug)

/**
 * The category and its ancestors, root first, as breadcrumbs. The walk stops at 20 levels and on
 * a repeated id: the parent field refuses cycles, but a reader page must never hang on bad data.
 */
export async function getCategoryPath({ slug }: { slug: string }): Promise<Crumb[]> {
  const categories = await getCategories()
  const byId = new Map(categories.map((c) => [c.id, c]))
  const path: CategoryNode[] = []
  const seen = new Set<string>()
  let cursor = categories.find((c) => c.slug === slug)
  while (cursor && !seen.has(cursor.id) && path.length < 20) {
    seen.add(cursor.id)
    path.unshift(cursor)
    cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined
  }
  return path.map((c) => ({ name: c.name, href: categoryHref(c.slug) }))
}

/** A category with the ids of every category under it (itself included), for listings. */
export async function getCategoryWithDescendants({ slug }: { slug: string }) {
  const categories = await getCategories()
  const category = categories.find((c) => c.slug === slug)
  if (!category) return null
  const ids = new Set([category.id])
  // Breadth-first over the parent links; the set stops any cycle.
  for (let grew = true; grew; ) {
    grew = false
    for (const c of categories) {
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id)
        grew = true
      }
    }
  }
  const children = categories.filter((c) => c.parentId === category.id)
  return { category, ids: [...ids], children }
}
