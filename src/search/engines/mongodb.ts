import type { SearchEngine, SearchHit } from '../types'

import { PUBLIC_ARTICLES } from '@/access/canReadArticle'
import { adapterOf } from '@/db/belowPayload'

type TextModel = {
  collection: { createIndex: (keys: Record<string, 'text'>, options: Record<string, unknown>) => Promise<unknown> }
  aggregate: (pipeline: Record<string, unknown>[]) => Promise<{ _id: unknown; rank: number }[]>
}

const INDEX = 'articles_search'
const indexed = new WeakSet<object>()

/**
 * MongoDB (no migrations there): a text index over title, excerpt and the folded search text,
 * weighted 10 : 4 : 1, English stemming, created on first use (`createIndex` is a no-op when it
 * exists). `$text` matches any of the words, stemmed; results are ordered by the weighted score,
 * then newest first. The filter keeps to published articles. Only compiled here: the test
 * machines run SQLite and PostgreSQL (see src/search/README.md).
 */
export const mongodbEngine: SearchEngine = {
  name: 'mongodb-text',
  find: async ({ payload, terms, limit }) => {
    const model = (adapterOf(payload) as unknown as { collections: Record<string, TextModel> }).collections.articles
    if (!model) throw new Error('No articles collection on the MongoDB adapter')
    if (!indexed.has(model)) {
      await model.collection.createIndex(
        { title: 'text', excerpt: 'text', searchText: 'text' },
        { name: INDEX, weights: { title: 10, excerpt: 4, searchText: 1 }, default_language: 'english' },
      )
      indexed.add(model)
    }
    const rows = await model.aggregate([
      { $match: { $text: { $search: terms.join(' ') }, _status: PUBLIC_ARTICLES._status.equals } },
      { $addFields: { rank: { $meta: 'textScore' } } },
      { $sort: { rank: -1, publishedAt: -1 } },
      { $limit: limit },
      { $project: { _id: 1, rank: 1 } },
    ])
    return rows.map((row): SearchHit => ({ id: String(row._id), rank: row.rank }))
  },
}
