import 'server-only'

import type { ArticleSummary } from './types'

import { summaryTags } from '@/cache/pageTags'
import { remember } from '@/cache/records'
import { tag } from '@/cache/tags'
import { getPopularArticleIds } from '@/pageViews/popular'
import { getPayloadClient } from '../payload'
import { tagPage } from '@/cache/tagPage'
import { querySummaries, summariesByIds, toSummaries } from './cards'

export type MostPopular = {
  /** How the list was ranked: readers' page views over the last week, padded with the newest while few are counted. */
  ranking: 'views' | 'newest-fallback'
  articles: ArticleSummary[]
}

/** Views move slowly and summing the week's rows is not free: one list serves a minute of renders. */
const POPULAR_TTL_MS = 60_000

/**
 * The ranked list, remembered for a minute and dropped at once when an article, author or image
 * on it changes, or an article is published (the padding shows the newest).
 */
function popularList(limit: number): Promise<MostPopular> {
  return remember({
    key: `popular:${limit}`,
    ttlMs: POPULAR_TTL_MS,
    tags: [tag.latest, tag.categories],
    tagsOf: (list) => summaryTags(list.articles),
    load: async () => {
      const payload = await getPayloadClient()
      const ids = await getPopularArticleIds({ payload, limit })
      // The summaries query applies the public access rules, so an article unpublished since it was ranked drops out here.
      const ranked = ids.length > 0 ? await summariesByIds(ids) : []
      ranked.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
      // Read as it is: this whole list is remembered already, and the padding's key would change with every ranking.
      const padding = { where: ranked.length > 0 ? { id: { not_in: ranked.map((a) => a.id) } } : undefined, limit: limit - ranked.length, pagination: false }
      const newest = ranked.length >= limit ? [] : await toSummaries((await querySummaries(padding)).docs)
      return { ranking: ranked.length > 0 ? 'views' : 'newest-fallback', articles: [...ranked, ...newest] } satisfies MostPopular
    },
  })
}

/**
 * "Most Popular": the most viewed published articles of the last seven days (counted by the
 * article page's view beacon, src/pageViews), padded with the newest while few have views. One more
 * is ranked than shown, so leaving out the article the list sits beside still fills it.
 */
export async function getMostPopular({ limit = 5, excludeId }: { limit?: number; excludeId?: string } = {}): Promise<MostPopular> {
  const list = await popularList(limit + 1)
  const articles = list.articles.filter((a) => a.id !== excludeId).slice(0, limit)
  // The ranking itself moves with the page's hourly regeneration; the stories shown, when they change.
  await tagPage(summaryTags(articles))
  return { ranking: list.ranking, articles }
}
