import 'server-only'

import type { TextPart } from '@/search'
import type { ArticleSummary, Page } from './types'

import { highlight, searchArticles as searchEngine, snippet } from '@/search'
import { findByIds } from '../findDocuments'
import { getPayloadClient } from '../payload'
import { plainText } from '@/articles/plainText'
import { summariesByIds } from './cards'

export type SearchResult = ArticleSummary & {
  /** The title, excerpt and a stretch of the body around the first match, the matched words marked. */
  highlighted: { title: TextPart[]; excerpt: TextPart[] | null; snippet: TextPart[] | null }
}

type SearchResults = Page<SearchResult> & {
  /** More articles match than `totalDocs`, which is then only how many were counted. */
  more: boolean
}

/**
 * Published articles matching a reader's search, best first (src/search: title matches, then
 * excerpt, then body, newest first within each; word forms matched where the database can),
 * with the matched words marked in each result's title, excerpt and a snippet of its body. The
 * engine indexes published articles only; the summaries and bodies are then read through
 * Payload with the public's access, as any listing, so nothing unpublished can reach the page.
 */
export async function searchArticles({
  query,
  page = 1,
  limit = 10,
  countUpTo,
}: {
  query: string
  page?: number
  limit?: number
  countUpTo?: number
}): Promise<SearchResults> {
  const payload = await getPayloadClient()
  const found = await searchEngine({ payload, query, page, limit, countUpTo })
  const pageIds = found.hits.map((hit) => hit.id)
  if (pageIds.length === 0) return { docs: [], page, totalPages: found.totalPages, totalDocs: found.totalDocs, more: found.more }
  const [summaries, bodies] = await Promise.all([
    summariesByIds(pageIds),
    findByIds({ collection: 'articles', ids: pageIds, overrideAccess: false, select: { content: true } }),
  ])
  const bodyOf = new Map(bodies.map((doc) => [String(doc.id), plainText(doc.content)]))
  const byId = new Map(summaries.map((summary) => [summary.id, summary]))
  const docs = pageIds.flatMap((id): SearchResult[] => {
    const summary = byId.get(id)
    if (!summary) return []
    const body = bodyOf.get(id) ?? ''
    return [
      {
        ...summary,
        highlighted: {
          title: highlight(summary.title, found.terms),
          excerpt: summary.excerpt ? highlight(summary.excerpt, found.terms) : null,
          snippet: snippet(body, found.terms),
        },
      },
    ]
  })
  return { docs, page, totalPages: found.totalPages, totalDocs: found.totalDocs, more: found.more }
}
