import type { Payload, PayloadRequest, SelectType } from 'payload'

import { mediaUsedBy } from '../media/usage'

/** Rows read per query: bounded memory on a newsroom of 100,000 articles with long bodies. */
const BATCH = 200

type Sources = Parameters<typeof mediaUsedBy>[0]

/**
 * Fills `mediaUsed` (the media library's "Used in", src/media/usage.ts) for every article and
 * page saved before the field existed, and for every version of them, so an old story's images
 * say where they are used. Through the adapter, as backfillArticleSearchText: no hooks, no new
 * versions, no revalidation, inside the migration's transaction, and nothing adapter-specific.
 */
export async function backfillMediaUsed({ payload, req }: { payload: Payload; req: PayloadRequest }) {
  for (const collection of ['articles', 'pages'] as const) {
    const select: SelectType = collection === 'articles' ? { heroImage: true, meta: { image: true }, content: true } : { meta: { image: true }, content: true }
    for (let page = 1; ; page += 1) {
      const { docs, hasNextPage } = await payload.db.find<Sources & { id: string }>({ collection, limit: BATCH, page, sort: 'id', select, req })
      for (const doc of docs) {
        await payload.db.updateOne({ collection, id: doc.id, data: { mediaUsed: mediaUsedBy(doc) }, req, returning: false })
      }
      if (!hasNextPage) break
    }
    for (let page = 1; ; page += 1) {
      const { docs, hasNextPage } = await payload.db.findVersions<Sources>({ collection, limit: BATCH, page, sort: 'id', select: { version: select }, req })
      for (const doc of docs) {
        await payload.db.updateVersion({ collection, id: doc.id, versionData: { version: { mediaUsed: mediaUsedBy(doc.version) } }, req, returning: false })
      }
      if (!hasNextPage) break
    }
  }
}
