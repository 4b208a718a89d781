import type { Payload, PayloadRequest } from 'payload'

import { articleSearchText } from '@/articles/searchText'

/** Rows read per query: bounded memory on a newsroom of 100,000 articles with long bodies. */
const BATCH = 200

type Searchable = Parameters<typeof articleSearchText>[0]

/**
 * Fills `searchText` for every article saved before the field existed, and for every version,
 * so search finds old stories and a restored or published old draft brings its text along. It
 * writes through the adapter (payload.db), not the Local API: no hooks run, no new versions, no
 * revalidation, and it stays inside the migration's transaction (req). Shared by the SQLite and
 * PostgreSQL migrations; it uses nothing adapter-specific, so a MongoDB deployment can run it too.
 */
export async function backfillArticleSearchText({ payload, req }: { payload: Payload; req: PayloadRequest }) {
  const select = { title: true, excerpt: true, content: true } as const
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await payload.db.find<Searchable & { id: string }>({
      collection: 'articles',
      limit: BATCH,
      page,
      sort: 'id',
      select,
      req,
    })
    for (const doc of docs) {
      await payload.db.updateOne({ collection: 'articles', id: doc.id, data: { searchText: articleSearchText(doc) }, req, returning: false })
    }
    if (!hasNextPage) break
  }
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await payload.db.findVersions<Searchable>({
      collection: 'articles',
      limit: BATCH,
      page,
      sort: 'id',
      select: { version: select },
      req,
    })
    for (const doc of docs) {
      await payload.db.updateVersion({
        collection: 'articles',
        id: doc.id,
        versionData: { version: { searchText: articleSearchText(doc.version) } },
        req,
        returning: false,
      })
    }
    if (!hasNextPage) break
  }
}
