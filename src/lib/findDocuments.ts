import 'server-only'

import type { JoinQuery, Sort, TypedCollectionSelect } from 'payload'

import { getPayloadClient } from './payload'

/**
 * The two reads reader pages make of documents they know by name: by id, and by slug. Both read
 * unpopulated (depth 0: related documents come back as ids, looked up once by src/lib/references.ts)
 * and without counting. Access stays with the caller, who says in every call whether the read is
 * the public's (overrideAccess: false) or the page's own; the select narrows the type as in payload.find.
 */

/**
 * The collections reader pages read documents of. Named rather than every CollectionSlug: over all
 * seventeen, TypeScript gives up on payload.find's generic types ("union type too complex").
 */
type ReaderCollection = 'articles' | 'authors' | 'cast' | 'categories' | 'media' | 'pages' | 'tags'

/** The documents with these ids, unpopulated; an id the read may not see is left out. */
export async function findByIds<TSlug extends ReaderCollection, TSelect extends TypedCollectionSelect[TSlug]>({
  collection,
  ids,
  overrideAccess,
  select,
  joins,
  sort,
}: {
  collection: TSlug
  ids: string[]
  overrideAccess: boolean
  select: TSelect
  joins?: JoinQuery<TSlug>
  sort?: Sort
}) {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection,
    overrideAccess,
    where: { id: { in: ids } },
    limit: ids.length,
    pagination: false,
    depth: 0,
    joins,
    sort,
    select,
  })
  return docs
}

/** One document by its slug, unpopulated, or null where there is none the read may see. */
export async function findOneBySlug<TSlug extends ReaderCollection, TSelect extends TypedCollectionSelect[TSlug]>({
  collection,
  slug,
  overrideAccess,
  select,
  joins,
}: {
  collection: TSlug
  slug: string
  overrideAccess: boolean
  select: TSelect
  joins?: JoinQuery<TSlug>
}) {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection,
    overrideAccess,
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 0,
    joins,
    select,
  })
  return docs[0] ?? null
}
