import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Article } from '@/payload-types'

import { relationId } from '@/lib/relationId'
import { articleHref } from '@/lib/urls'
import { redirectMovedDocument } from '@/redirects/moves'

async function publicUrl(req: PayloadRequest, doc: Pick<Article, 'category' | 'slug'>): Promise<string | null> {
  const id = relationId(doc.category)
  if (!id || !doc.slug) return null
  const category = await req.payload.findByID({ collection: 'categories', id, depth: 0, select: { slug: true }, overrideAccess: true, disableErrors: true, req })
  return category ? articleHref({ categorySlug: category.slug, slug: doc.slug }) : null
}

/**
 * A published article that changes its slug or category keeps its old URL working: a redirect
 * from it to the article (src/redirects/moves.ts). Drafts have no public URL to keep.
 */
export const redirectOldUrl: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, req, context }) => {
  if (doc._status !== 'published' || previousDoc?._status !== 'published') return doc
  if (doc.slug === previousDoc.slug && relationId(doc.category) === relationId(previousDoc.category)) return doc
  const [from, to] = await Promise.all([publicUrl(req, previousDoc), publicUrl(req, doc)])
  if (from && to) await redirectMovedDocument({ req, collection: 'articles', id: doc.id, from, to, context })
  return doc
}
