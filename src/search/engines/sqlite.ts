import { sql } from '@payloadcms/db-sqlite'

import { PUBLIC_ARTICLES } from '@/access/canReadArticle'

import type { SearchEngine, SearchHit } from '../types'
import { adapterOf } from '@/db/belowPayload'

type Raw = { all: (query: unknown) => Promise<Record<string, unknown>[]> }

/**
 * Each term as an FTS5 string: the tokenizer splits and stems it (several words make a phrase),
 * and quoting keeps operators (AND, NEAR, *, :) from being read in it.
 */
const ftsQuery = (terms: string[]) => terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ')

/**
 * SQLite FTS5 (migration 20261207_130000_article_search_index): `articles_fts` holds title,
 * excerpt and body of published articles only. Every word must match, in any column. The rank
 * is whether they all matched in the title (2) and in the excerpt (1), found as two more
 * MATCHes on one column each (sets SQLite builds once per query); then newest first, by the date
 * kept beside the index. bm25 is left out of the order: as a tie-break after the date it
 * never decided anything, and computing it for every match of a common word cost 160 ms at
 * 100,000 articles. Only the page's rows are joined to `articles`, which checks once more that
 * each is published, with the public's filter (`PUBLIC_ARTICLES`, src/access).
 */
export const sqliteEngine: SearchEngine = {
  name: 'sqlite-fts5',
  find: async ({ payload, terms, limit }) => {
    const match = ftsQuery(terms)
    const inTitle = `title : (${match})`
    const inExcerpt = `excerpt : (${match})`
    const rows = await (adapterOf(payload) as unknown as { drizzle: Raw }).drizzle.all(sql`
      SELECT a.id AS id, ranked.rank AS rank FROM (
        SELECT s.article_id, s.published_at,
          (f.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${inTitle})) * 2
            + (f.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${inExcerpt})) AS rank
        FROM articles_fts f
        JOIN articles_search_entries s ON s.rowid = f.rowid
        WHERE articles_fts MATCH ${match}
        ORDER BY rank DESC, s.published_at DESC
        LIMIT ${limit}
      ) ranked
      JOIN articles a ON a.id = ranked.article_id AND a._status = ${PUBLIC_ARTICLES._status.equals}
      ORDER BY ranked.rank DESC, ranked.published_at DESC`)
    return rows.map((row): SearchHit => ({ id: String(row.id), rank: Number(row.rank) }))
  },
}
