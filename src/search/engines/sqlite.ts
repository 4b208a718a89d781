import { sql } from '@payloadcms/db-sqlite'

import type { SearchEngine, SearchHit } from '../types'

type Raw = { all: (query: unknown) => Promise<Record<string, unknown>[]> }

/** Each word as an FTS5 string: the tokenizer stems it, and quoting keeps operators (AND, NEAR, *, :) from being read in it. */
const ftsQuery = (terms: string[]) => terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ')

/**
 * SQLite FTS5 (migration 20261207_130000_article_search_index): `articles_fts` holds title,
 * excerpt and body of published articles only. Every word must match, in any column; the rank
 * is whether all matched in the title (2) and in the excerpt (1), found as two more MATCHes on
 * one column each (sets SQLite builds once per query); then newest first; then bm25 with the
 * columns weighted 10 : 4 : 1 between articles of the same day and rank.
 */
export const sqliteEngine: SearchEngine = {
  name: 'sqlite-fts5',
  find: async ({ payload, terms, limit }) => {
    const match = ftsQuery(terms)
    const inTitle = `title : (${match})`
    const inExcerpt = `excerpt : (${match})`
    const rows = await (payload.db as unknown as { drizzle: Raw }).drizzle.all(sql`
      SELECT a.id AS id,
        (f.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${inTitle})) * 2
          + (f.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${inExcerpt})) AS rank
      FROM articles_fts f
      JOIN articles_search_ids s ON s.rowid = f.rowid
      JOIN articles a ON a.id = s.article_id
      WHERE articles_fts MATCH ${match} AND a._status = 'published'
      ORDER BY rank DESC, a.published_at DESC, bm25(articles_fts, 10.0, 4.0, 1.0)
      LIMIT ${limit}`)
    return rows.map((row): SearchHit => ({ id: String(row.id), rank: Number(row.rank) }))
  },
}
