import type { Payload, PayloadRequest } from 'payload'

import { PUBLIC_PAGES } from '@/access/canReadPage'
import { pageHref } from '@/lib/urls'

type PageLike = { slug?: string | null; parent?: unknown }

const relationId = (value: unknown): string | null => {
  if (typeof value === 'string' && value) return value
  if (value && typeof value === 'object' && 'id' in value) return relationId((value as { id: unknown }).id)
  return null
}

/**
 * A page's address: /{slug}, or /{parent}/{slug} under a parent (pages nest one level, as the
 * routes serve them). With `published`, a subpage of an unpublished parent has no address yet:
 * its URL would give the parent's slug away.
 */
export async function pagePath({ payload, page, req, published = false }: { payload: Payload; page: PageLike; req?: PayloadRequest; published?: boolean }): Promise<string | null> {
  if (!page.slug) return null
  const parentId = relationId(page.parent)
  if (!parentId) return pageHref([page.slug])
  const { docs } = await payload.db.find<{ slug?: string | null }>({
    collection: 'pages',
    where: { and: [{ id: { equals: parentId } }, ...(published ? [PUBLIC_PAGES] : [])] },
    limit: 1,
    pagination: false,
    select: { slug: true },
    req,
  })
  const parentSlug = docs[0]?.slug
  return parentSlug ? pageHref([parentSlug, page.slug]) : null
}
