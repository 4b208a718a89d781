import type { PayloadRequest } from 'payload'

import { normalizeSource } from './paths'

/**
 * What a published document's address change does to the redirects, as WordPress keeps an old
 * slug: the old URL sends readers on, and no reader ever takes two hops.
 *
 * - The old URL redirects (301) to the document by reference, so it follows any later move.
 * - Redirects that sent readers to the old URL as a typed path now refer to the document too.
 * - A redirect from the new URL is dropped: the address belongs to a document again, and keeping
 *   it would send readers away from it (or round in a loop).
 *
 * Run inside the change's transaction (`req`), as the system: the editor who moved the document
 * may not manage redirects themselves (a writer renaming their article).
 */
export async function redirectMovedDocument({
  req,
  collection,
  id,
  from,
  to,
  context,
}: {
  req: PayloadRequest
  collection: 'articles' | 'pages'
  id: string
  from: string
  to: string
  context?: Record<string, unknown>
}): Promise<void> {
  const oldUrl = normalizeSource(from)
  const newUrl = normalizeSource(to)
  if (!oldUrl || !newUrl || oldUrl === newUrl) return
  const { payload } = req
  const system = { req, overrideAccess: true, depth: 0, context } as const
  const reference = { type: 'reference' as const, reference: { relationTo: collection, value: id } }

  await payload.delete({ ...system, collection: 'redirects', where: { from: { equals: newUrl } } })
  await payload.update({ ...system, collection: 'redirects', where: { and: [{ 'to.type': { equals: 'custom' } }, { 'to.url': { in: [oldUrl, `${oldUrl}/`] } }] }, data: { to: reference } })
  const { docs } = await payload.find({ ...system, collection: 'redirects', where: { from: { equals: oldUrl } }, limit: 1, pagination: false })
  if (docs[0]) await payload.update({ ...system, collection: 'redirects', id: docs[0].id, data: { to: reference, type: '301' } })
  else await payload.create({ ...system, collection: 'redirects', data: { from: oldUrl, to: reference, type: '301' } })
}
