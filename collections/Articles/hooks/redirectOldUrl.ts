import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Article } from '@/payload-types'

import { articleHref } from '@/lib/urls'
import { redirectMovedDocument } from '@/redirects/moves'

const categoryId = (value: Article['category'] | undefined) => (typeof value === 'object' && value !== null ? value.id : value)

async function publicUrl(req: PayloadRequest, doc: Pick<Article, 'category' | 'slug'>): Promise<string | null> {
  const id = categoryId(doc.category)
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
  if (doc.slug === previousDoc.slug && categoryId(doc.category) === categoryId(previousDoc.category)) return doc
  const [from, to] = await Promise.all([publicUrl(req, previousDoc), publicUrl(req, doc)])
  if (from && to) await redirectMovedDocument({ req, collection: 'articles', id: doc.id, from, to, context })
  return doc
}
