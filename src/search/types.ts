import type { Payload } from 'payload'

/** One article a search found: its id, and how well it matched (higher is better). */
export type SearchHit = {
  id: string
  /**
   * Where the words were found: 3 title and excerpt, 2 title, 1 excerpt, 0 only the body (or
   * across fields). Results are ordered by this, then newest first.
   */
  rank: number
}

/**
 * A search engine for published articles. `find` returns the best `limit` matches for the words,
 * in order: rank, then newest first. It must never return, count or otherwise reveal an article
 * that is not published.
 */
export type SearchEngine = {
  name: 'sqlite-fts5' | 'postgres-fts' | 'mongodb-text' | 'like'
  find: (args: { payload: Payload; terms: string[]; query: string; limit: number }) => Promise<SearchHit[]>
}
