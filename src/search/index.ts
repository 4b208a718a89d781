import type { Payload } from 'payload'

import type { SearchEngine, SearchHit } from './types'

import { likeEngine } from './engines/like'
import { mongodbEngine } from './engines/mongodb'
import { postgresEngine } from './engines/postgres'
import { sqliteEngine } from './engines/sqlite'
import { searchTerms } from './terms'
import { adapterOf } from '@/db/belowPayload'

export type { SearchHit } from './types'
export { highlight, snippet, type TextPart } from './highlight'
export { searchTerms, SEARCH_MAX_WORDS } from './terms'

/** A page holds at most this many results, whatever is asked for. */
const SEARCH_MAX_PAGE_SIZE = 50
/** How far down the ranking a reader can page: ranking and counting past it is work nobody reads. */
export const SEARCH_MAX_RESULTS = 500
/** A search counts its matches exactly up to this many; past it, it says "more than". */
const SEARCH_COUNT_CAP = 100

type SearchPage = {
  /** This page's articles, best first. */
  hits: SearchHit[]
  /** The query's words, as matched and highlighted. */
  terms: string[]
  page: number
  /** Matches counted: exact up to the page's end or `countUpTo`, whichever is further. */
  totalDocs: number
  /** More articles match than `totalDocs`. */
  more: boolean
  totalPages: number
  /** Which engine answered (the fallback's name when the full-text one failed). */
  engine: SearchEngine['name']
}

const ENGINES: Record<string, SearchEngine> = { sqlite: sqliteEngine, postgres: postgresEngine, mongoose: mongodbEngine }

/** The full-text engine for the configured adapter; `like` for any other. */
export const engineFor = (payload: Payload): SearchEngine => ENGINES[adapterOf(payload).name] ?? likeEngine

/**
 * Published articles matching a reader's search, best first: every word of the query, stemmed,
 * somewhere in the title, the excerpt or the body; those with every word in the title first,
 * then in the excerpt, then the rest, newest first within each. The adapter's full-text engine
 * answers; if it fails (its index missing, say, before the migration ran) the `like` engine
 * does, newest first, and the failure is logged.
 *
 * Only the ids down to this page or `countUpTo` (whichever is further) are read, plus one to know
 * whether there are more: the count is exact up to there and "more" past it, as before. The page
 * size is capped, and so is how deep the ranking can be paged.
 */
export async function searchArticles({
  payload,
  query,
  page = 1,
  limit = 10,
  countUpTo = SEARCH_COUNT_CAP,
  engine = engineFor(payload),
}: {
  payload: Payload
  query: string
  page?: number
  limit?: number
  countUpTo?: number
  engine?: SearchEngine
}): Promise<SearchPage> {
  const terms = searchTerms(query)
  const size = Math.min(Math.max(1, Math.floor(limit)), SEARCH_MAX_PAGE_SIZE)
  const empty: SearchPage = { hits: [], terms, page, totalDocs: 0, more: false, totalPages: 0, engine: engine.name }
  if (terms.length === 0 || !Number.isInteger(page) || page < 1 || (page - 1) * size >= SEARCH_MAX_RESULTS) return empty
  const wanted = Math.min(Math.max(page * size, countUpTo), SEARCH_MAX_RESULTS)
  let answered = engine
  let found: SearchHit[]
  try {
    found = await engine.find({ payload, terms, query, limit: wanted + 1 })
  } catch (error) {
    if (engine === likeEngine) throw error
    payload.logger.warn({ err: error, msg: `Search: the ${engine.name} engine failed; answering with like instead` })
    answered = likeEngine
    found = await likeEngine.find({ payload, terms, query, limit: wanted + 1 })
  }
  const more = found.length > wanted
  const ranked = found.slice(0, wanted)
  const totalPages = more ? Math.floor(wanted / size) + 1 : Math.ceil(ranked.length / size)
  return { hits: ranked.slice((page - 1) * size, page * size), terms, page, totalDocs: ranked.length, more, totalPages, engine: answered.name }
}
