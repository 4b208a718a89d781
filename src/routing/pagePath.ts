import type { Payload, PayloadRequest } from 'payload'

import { PUBLIC_PAGES } from '@/access/canReadPage'
import { findPublicRows } from '@/db/belowPayload'
import { pageHref } from '@/lib/urls'
import { relationId } from '@/lib/relationId'

type PageLike = { slug?: string | null; parent?: unknown }

/**
 * A page's address: /{slug}, or /{parent}/{slug} under a parent (pages nest one level, as the
 * routes serve them). With `published`, a subpage of an unpublished parent has no address yet:
 * its URL would give the parent's slug away.
 */
export async function pagePath({ payload, page, req, published = false }: { payload: Payload; page: PageLike; req?: PayloadRequest; published?: boolean }): Promise<string | null> {
  if (!page.slug) return null
  const parentId = relationId(page.parent)
  if (!parentId) return pageHref([page.slug])
  // The published address is read as the public would (src/db/belowPayload.ts); any other is
  // the editor's own save (a redirect from a page's old address), read in its transaction.
  const [parent] = published
    ? await findPublicRows<{ slug?: string | null }>({ payload, collection: 'pages', publicFilter: PUBLIC_PAGES, where: { id: { equals: parentId } }, select: { slug: true }, limit: 1, req })
    : (await payload.find({ collection: 'pages', where: { id: { equals: parentId } }, select: { slug: true }, limit: 1, pagination: false, depth: 0, draft: true, overrideAccess: true, req })).docs
  const parentSlug = parent?.slug
  return parentSlug ? pageHref([parentSlug, page.slug]) : null
}
