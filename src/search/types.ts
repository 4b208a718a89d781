import type { Payload } from 'payload'

/** One article a search found: its id, and how well it matched (higher is better). */
export type SearchHit = {
  id: string
  /**
   * On SQL engines, where the words were found: 3 all in the title and all in the excerpt, 2 in
   * the title, 1 in the excerpt, 0 otherwise (the body, or spread over fields); results are
   * ordered by it, then newest first. MongoDB's weighted text score; `like` always 0.
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
