import 'server-only'

import { cache } from 'react'

import type { Page } from '@/payload-types'

import { PUBLIC_PAGES } from '@/access/canReadPage'
import { findPublicRows } from '@/db/belowPayload'
import { pagePath } from '@/routing/pagePath'

import { fillBody } from './articles/article'
import { getPayloadClient } from './payload'
import { relationId } from './relationId'
import { tag } from '@/cache/tags'
import { tagPage } from '@/cache/tagPage'

/**
 * Standing pages (the `pages` collection: About, Contact…) as reader pages show them. Pages share
 * /{slug} and /{category}/{slug} with categories and articles: the routes try those first, from
 * memory, and come here only when no category has the first segment.
 */

type PageView = {
  id: string
  title: string
  href: string
  parent: { id: string; title: string; href: string } | null
  content: Page['content']
  seo: { title: string | null; description: string | null }
  updatedAt: string
}

type PageLookup = { status: 'found'; page: PageView } | { status: 'moved'; href: string } | { status: 'missing' }

const PAGE_SELECT = { title: true, slug: true, parent: true, content: true, meta: true, updatedAt: true } as const
type PageDoc = Pick<Page, 'id' | keyof typeof PAGE_SELECT>

/**
 * One published page by slug, through the adapter with the public's filter, as the article page
 * reads its article: the collection's own rows hold what was last published, so drafts stay out.
 */
const findPublishedPage = cache(async (slug: string): Promise<PageDoc | null> => {
  const payload = await getPayloadClient()
  const [page] = await findPublicRows<Page>({ payload, collection: 'pages', publicFilter: PUBLIC_PAGES, where: { slug: { equals: slug } }, select: PAGE_SELECT, limit: 1 })
  return page ?? null
})

/**
 * The page at /{segments}: its own slug is the last segment. Asked for at another path (a
 * subpage at /{slug}, a page whose parent changed) it says where the page lives now.
 */
export const getPageAt = cache(async (...segments: string[]): Promise<PageLookup> => {
  // Cached under every slug of the path: a page published (or moved) at one of them replaces this answer.
  await tagPage(segments.map(tag.pageUrl))
  const slug = segments.at(-1)
  const doc = slug ? await findPublishedPage(slug) : null
  if (!doc) return { status: 'missing' }
  const payload = await getPayloadClient()
  const href = await pagePath({ payload, page: doc, published: true })
  if (!href) return { status: 'missing' }
  if (href !== `/${segments.join('/')}`) return { status: 'moved', href }
  const parentId = relationId(doc.parent)
  const parentDoc = parentId ? await findPublishedParent(parentId) : null
  await tagPage([tag.page(doc.id), ...(parentDoc ? [tag.page(parentDoc.id)] : [])])
  return {
    status: 'found',
    page: {
      id: doc.id,
      title: doc.title ?? '',
      href,
      parent: parentDoc ? { id: parentDoc.id, title: parentDoc.title ?? '', href: `/${parentDoc.slug}` } : null,
      content: await fillBody(doc.content),
      seo: { title: doc.meta?.title || null, description: doc.meta?.description || null },
      updatedAt: doc.updatedAt,
    },
  }
})

async function findPublishedParent(id: string) {
  const payload = await getPayloadClient()
  const [parent] = await findPublicRows<Page>({ payload, collection: 'pages', publicFilter: PUBLIC_PAGES, where: { id: { equals: id } }, select: { title: true, slug: true }, limit: 1 })
  return parent ?? null
}

/** Every published page's address and last change, for the sitemap. */
export async function getPublishedPageUrls(): Promise<{ href: string; updatedAt: string }[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'pages',
    overrideAccess: false,
    pagination: false,
    depth: 0,
    sort: 'slug',
    select: { slug: true, parent: true, updatedAt: true },
  })
  await tagPage([tag.sitemap])
  const published = new Map(docs.map((doc) => [doc.id, doc]))
  return docs.flatMap((doc) => {
    const parentId = relationId(doc.parent)
    if (!parentId) return [{ href: `/${doc.slug}`, updatedAt: doc.updatedAt }]
    const parent = published.get(parentId)
    return parent ? [{ href: `/${parent.slug}/${doc.slug}`, updatedAt: doc.updatedAt }] : []
  })
}
