import type { Where } from 'payload'

import type { Article } from '@/payload-types'
import type { SearchEngine } from '../types'

import { PUBLIC_ARTICLES } from '@/access/canReadArticle'
import { searchWords } from '@/search/query'

import { SEARCH_MAX_WORDS } from '../terms'
import { findPublicRows } from '@/db/belowPayload'

/**
 * The fallback, on every adapter: each word a contains test (`like`) on the stored, folded
 * search text, newest first. No stemming and no ranking by field; it cannot use an index, so a
 * common word reads down the (_status, publishedAt) index until `limit` matches are found.
 * Through the adapter's find with the public's filter, as the article page reads its article.
 */
export const likeEngine: SearchEngine = {
  name: 'like',
  find: async ({ payload, query, limit }) => {
    const words = searchWords(query).slice(0, SEARCH_MAX_WORDS)
    if (words.length === 0) return []
    const where: Where = { and: words.map((word) => ({ searchText: { like: word } })) }
    const docs = await findPublicRows<Article>({ payload, collection: 'articles', publicFilter: PUBLIC_ARTICLES, where, sort: '-publishedAt', limit, select: { publishedAt: true } })
    return docs.map((doc) => ({ id: String(doc.id), rank: 0 }))
  },
}
