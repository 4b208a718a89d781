import type { CollectionAfterChangeHook } from 'payload'

import type { Page } from '@/payload-types'

import { relationId } from '@/lib/relationId'
import { redirectMovedDocument } from '@/redirects/moves'
import { pagePath } from '@/routing/pagePath'

/**
 * A published page that changes its slug or parent keeps its old address working, as articles do.
 * Not when the WordPress import puts a page it has just written under a parent that came later in
 * the file: that page's first address was never anyone's (`context.placingImportedPage`).
 */
export const redirectOldUrl: CollectionAfterChangeHook<Page> = async ({ doc, previousDoc, req, context }) => {
  if (context.placingImportedPage) return doc
  if (doc._status !== 'published' || previousDoc?._status !== 'published') return doc
  if (doc.slug === previousDoc.slug && relationId(doc.parent) === relationId(previousDoc.parent)) return doc
  const [from, to] = await Promise.all([pagePath({ payload: req.payload, page: previousDoc, req }), pagePath({ payload: req.payload, page: doc, req })])
  if (from && to) await redirectMovedDocument({ req, collection: 'pages', id: doc.id, from, to, context })
  return doc
}
