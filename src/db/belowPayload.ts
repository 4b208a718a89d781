import type { CollectionSlug, Payload, PayloadRequest, SelectType, Where } from 'payload'

import type { PUBLIC_ARTICLES } from '@/access/canReadArticle'
import type { PUBLIC_COMMENTS } from '@/access/canReadComment'
import type { PUBLIC_PAGES } from '@/access/canReadPage'

/**
 * The one module that goes below Payload's operations to `payload.db`, the database adapter.
 * ESLint refuses `payload.db` anywhere else (migrations and the bench excepted; tests have their
 * own fence, tests/helpers/belowPayload.ts).
 *
 * The adapter's own find skips what Payload's find operation does around it: access control,
 * read hooks and field-level access. That costs a hot reader page several milliseconds (a
 * 200-comment thread: 9 ms through the operation, 4.5 ms through the adapter), so the reader
 * pages' hottest reads come here, on a contract:
 * - the rows are filtered by the public's own access rule, one of the named filters that
 *   `src/access` exports and its predicates return to anonymous readers (the type admits only
 *   those), so these reads can never see more than an anonymous REST call;
 * - only named fields are selected, and only fields without read hooks or field access, so
 *   nothing a hook would have hidden or changed is returned;
 * - the caller copies named fields into a view model (tests/int/readerData.int.spec.ts holds it).
 *
 * The comment rules' system reads (src/comments/stores.ts) come here too: they must see held
 * comments whoever is asking, read plain named fields in the request's transaction, and hand
 * nothing they read to a reader.
 *
 * Transactions and migrations are the adapter's business too, and live here for the same reason:
 * one place to read when the adapter changes.
 *
 * One exception hands the adapter itself out (`adapterOf`), to the adapter-specific engines that
 * run their own SQL or MongoDB calls, which Payload's operations cannot express: the importer's bulk
 * writes (src/import/wordpress/bulkWrites.ts) and search's full-text indexes (src/search/engines,
 * chosen by the adapter's name in src/search/index.ts). The contract above does not cover them;
 * each states its own in its header: why it goes below Payload and what it reads or writes.
 */

/** The filters the access rules give anonymous readers: published articles and pages, approved comments. */
type PublicFilter = typeof PUBLIC_ARTICLES | typeof PUBLIC_COMMENTS | typeof PUBLIC_PAGES

type PublicFind = {
  payload: Payload
  collection: CollectionSlug
  /** The public's access rule for this collection, from src/access. */
  publicFilter: PublicFilter
  /** What narrows the read further (a slug, an article, search words). */
  where?: Where
  select: SelectType
  sort?: string
  /** 0: every matching row. */
  limit: number
  req?: PayloadRequest
}

/** Rows the public may read, through the adapter's find; see the contract above. */
export async function findPublicRows<T>({ payload, collection, publicFilter, where, select, sort, limit, req }: PublicFind): Promise<T[]> {
  const { docs } = await payload.db.find<T>({
    collection,
    where: where ? { and: [where, publicFilter] } : publicFilter,
    select,
    sort,
    limit,
    pagination: false,
    req,
  })
  return docs
}

type SystemRead = { req: PayloadRequest; collection: CollectionSlug; where: Where }

/** Rows for a system rule, in the request's transaction, whatever the asker may read. */
export async function findRowsAsSystem<T>({ req, collection, where, select, sort, limit }: SystemRead & { select: SelectType; sort?: string; limit: number }): Promise<T[]> {
  const { docs } = await req.payload.db.find<T>({ req, collection, where, select, sort, limit, pagination: false })
  return docs
}

/** How many rows match, for a system rule, in the request's transaction. */
export async function countRowsAsSystem({ req, collection, where }: SystemRead): Promise<number> {
  return (await req.payload.db.count({ req, collection, where })).totalDocs
}

/**
 * Runs `work` in a transaction of its own on adapters that have them (SQL, MongoDB replica sets),
 * committed when it returns and rolled back when it throws; without transactions, `work` simply
 * runs with `null`.
 */
export async function inTransaction<T>(payload: Payload, work: (transactionID: string | number | null) => Promise<T>): Promise<T> {
  const transactionID = (await payload.db.beginTransaction()) ?? null
  try {
    const result = await work(transactionID)
    if (transactionID !== null) await payload.db.commitTransaction(transactionID)
    return result
  } catch (error) {
    if (transactionID !== null) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}

/** Applies the committed migrations (SQL adapters; MongoDB needs none). */
export async function migrate(payload: Payload): Promise<void> {
  await payload.db.migrate()
}

/**
 * The adapter itself, for the adapter-specific engines named in the header (bulk import writes,
 * full-text search); the full-text indexes are ones Payload knows nothing of, holding published
 * articles only.
 */
export const adapterOf = (payload: Payload): Payload['db'] => payload.db
