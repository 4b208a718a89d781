import { sql } from '@payloadcms/db-postgres'

import { PUBLIC_ARTICLES } from '@/access/canReadArticle'

import type { SearchEngine, SearchHit } from '../types'
import { adapterOf } from '@/db/belowPayload'

type Raw = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * PostgreSQL full text (migration 20261207_130000_article_search_index): `articles_search` holds
 * a weighted tsvector (title A, excerpt B, body C, 'english') of published articles only, with
 * a GIN index. `plainto_tsquery` takes the words as text (no operators can be typed) and needs
 * them all. The rank is whether they all match the title (2) and the excerpt (1), read from their
 * own small tsvectors; then newest first, by the date kept in the same table. `ts_rank` is left
 * out of the order: after the date it never decides, and it reads every match's whole vector.
 * Only the page's rows are joined to `articles`, which checks once more that each is published.
 */
export const postgresEngine: SearchEngine = {
  name: 'postgres-fts',
  find: async ({ payload, terms, limit }) => {
    const text = terms.join(' ')
    const { rows } = await (adapterOf(payload) as unknown as { drizzle: Raw }).drizzle.execute(sql`
      SELECT ranked.article_id AS id, ranked.rank AS rank FROM (
        SELECT s.article_id, s.published_at, (s.title_document @@ q.query)::int * 2 + (s.excerpt_document @@ q.query)::int AS rank
        FROM articles_search s, plainto_tsquery('english', ${text}) AS q(query)
        WHERE s.document @@ q.query
        ORDER BY rank DESC, s.published_at DESC NULLS LAST
        LIMIT ${limit}
      ) ranked
      JOIN articles a ON a.id = ranked.article_id AND a._status = ${PUBLIC_ARTICLES._status.equals}
      ORDER BY ranked.rank DESC, ranked.published_at DESC NULLS LAST`)
    return rows.map((row): SearchHit => ({ id: String(row.id), rank: Number(row.rank) }))
  },
}
