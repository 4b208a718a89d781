import type { Payload } from 'payload'

import { ARTICLE_VIEWS } from './counter'
import { viewWindow } from './days'
import { relationId } from '@/lib/relationId'

/** Candidates are checked for being published this many at a time. */
const CHUNK = 200

type Ranked = { id: string; views: number; publishedAt: string }

/** Total views per article over the window, most viewed first. */
async function viewTotals({ payload, from, to }: { payload: Payload; from: string; to: string }): Promise<[string, number][]> {
  const { docs } = await payload.find({
    collection: ARTICLE_VIEWS,
    overrideAccess: true,
    where: { and: [{ day: { greater_than_equal: from } }, { day: { less_than_equal: to } }] },
    pagination: false,
    depth: 0,
    select: { article: true, views: true },
  })
  const totals = new Map<string, number>()
  for (const row of docs) {
    // Rows of a deleted article lose their link (SQL) or keep a dangling one (MongoDB); the
    // published check below drops the latter.
    const id = relationId(row.article)
    if (id) totals.set(id, (totals.get(id) ?? 0) + (row.views ?? 0))
  }
  return [...totals].sort((a, b) => b[1] - a[1])
}

/**
 * The most viewed published articles over the last `days` days (today included, in UTC), most
 * viewed first; equal counts put the newer article first. Fewer than `limit` ids, or none, while
 * few articles have views: callers pad with the newest articles.
 *
 * Payload has no portable aggregate query, so the window's rows (one per article, day and server
 * process) are summed here. Callers cache the result for a while; it is not meant per request.
 */
export async function getPopularArticleIds({
  payload,
  days = 7,
  limit,
  now = new Date(),
  exclude = [],
}: {
  payload: Payload
  days?: number
  limit: number
  now?: Date
  /** Ids to leave out, such as the article the list is shown beside. */
  exclude?: string[]
}): Promise<string[]> {
  if (limit < 1) return []
  const skip = new Set(exclude)
  const totals = (await viewTotals({ payload, ...viewWindow({ days, now }) })).filter(([id]) => !skip.has(id))
  const picked: Ranked[] = []
  for (let start = 0; start < totals.length; start += CHUNK) {
    // Enough picked, and the rest have fewer views than the last one needed: done.
    const last = picked[limit - 1]
    if (last && (totals[start]?.[1] ?? 0) < last.views) break
    const chunk = totals.slice(start, start + CHUNK)
    // The public's view of articles (no user, access applied) plus the status, so a draft never ranks.
    const { docs } = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { and: [{ id: { in: chunk.map(([id]) => id) } }, { _status: { equals: 'published' } }] },
      // By primary key: the default newest-first sort would have SQLite walk every published article.
      sort: 'id',
      pagination: false,
      depth: 0,
      select: { publishedAt: true },
    })
    const publishedAt = new Map(docs.map((doc) => [doc.id, doc.publishedAt ?? '']))
    for (const [id, views] of chunk) {
      const date = publishedAt.get(id)
      if (date !== undefined) picked.push({ id, views, publishedAt: date })
    }
  }
  return picked
    .sort((a, b) => b.views - a.views || b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, limit)
    .map((article) => article.id)
}
