import { sql } from '@payloadcms/db-postgres'

import type { SearchEngine, SearchHit } from '../types'

type Raw = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * PostgreSQL full text (migration 20261207_130000_article_search_index): `articles_search` holds
 * a weighted tsvector (title A, excerpt B, body C, 'english') of published articles only, with
 * a GIN index. `plainto_tsquery` takes the words as text (no operators can be typed) and needs
 * them all; the rank is whether they all match among the title's lexemes (2) and the excerpt's
 * (1), read with `ts_filter`; then newest first; then `ts_rank` over the weights.
 */
export const postgresEngine: SearchEngine = {
  name: 'postgres-fts',
  find: async ({ payload, terms, limit }) => {
    const text = terms.join(' ')
    const { rows } = await (payload.db as unknown as { drizzle: Raw }).drizzle.execute(sql`
      SELECT s.article_id AS id,
        (ts_filter(s.document, '{a}') @@ q.query)::int * 2 + (ts_filter(s.document, '{b}') @@ q.query)::int AS rank
      FROM articles_search s
      CROSS JOIN (SELECT plainto_tsquery('english', ${text}) AS query) q
      JOIN articles a ON a.id = s.article_id
      WHERE s.document @@ q.query AND a._status = 'published'
      ORDER BY rank DESC, a.published_at DESC NULLS LAST, ts_rank(s.document, q.query) DESC
      LIMIT ${limit}`)
    return rows.map((row): SearchHit => ({ id: String(row.id), rank: Number(row.rank) }))
  },
}
