import type { Payload } from 'payload'

import { ARTICLE_VIEWS } from '@/pageViews/counter'
import { viewDay, viewWindow } from '@/pageViews/days'

import { REFERENCE_SLUG } from './data'
import { relationId } from '@/lib/relationId'

/** Names the demo's rows, apart from the rows real server processes write. */
const DEMO_VIEWS_INSTANCE = 'demo-seed'

const DAY = 24 * 60 * 60 * 1000

/**
 * Roughly how many readers a day each demo article gets, so the demo's "Most Popular" is a real
 * ranking rather than the newest articles: the reference article (out yesterday) leads on two
 * busy days, and older evergreen pieces outrank newer ones.
 */
const DAILY_READERS: Record<string, number> = {
  [REFERENCE_SLUG]: 400,
  'where-heartstopper-was-filmed-kent-guide': 90,
  'best-coming-of-age-series-to-stream': 70,
  'olivia-colman-small-roles-big-impact': 55,
  'heartstopper-season-1-review': 40,
  'graphic-novels-adapted-for-tv': 20,
  'alice-oseman-from-webcomic-to-netflix': 15,
  'how-streaming-services-decide-renewals': 8,
}

/**
 * A week of page views for the published demo articles, from the day each was published.
 * Idempotent like the rest of the seed: an article that already has demo views gets no more, so
 * an interrupted run is completed and a second run adds nothing. The views age like real ones:
 * a week after seeding they leave the ranking's window.
 */
export async function seedViews({ payload, now = new Date() }: { payload: Payload; now?: Date }): Promise<number> {
  const base = { overrideAccess: true, depth: 0, context: { disableRevalidate: true, seeding: true } } as const
  const { docs: articles } = await payload.find({
    ...base,
    collection: 'articles',
    where: { and: [{ slug: { in: Object.keys(DAILY_READERS) } }, { _status: { equals: 'published' } }] },
    pagination: false,
    select: { slug: true, publishedAt: true },
  })
  const { docs: existing } = await payload.find({
    ...base,
    collection: ARTICLE_VIEWS,
    where: { instance: { equals: DEMO_VIEWS_INSTANCE } },
    pagination: false,
    select: { article: true },
  })
  const seeded = new Set(existing.map((row) => relationId(row.article)))
  const { from } = viewWindow({ days: 7, now })

  let created = 0
  for (const article of articles) {
    if (seeded.has(article.id)) continue
    const readers = DAILY_READERS[article.slug] ?? 0
    const firstDay = article.publishedAt && viewDay(new Date(article.publishedAt)) > from ? viewDay(new Date(article.publishedAt)) : from
    for (let daysAgo = 0; daysAgo < 7; daysAgo += 1) {
      const day = viewDay(new Date(now.getTime() - daysAgo * DAY))
      if (day < firstDay) break
      // A steady wobble from day to day, the same on every run.
      const views = Math.round(readers * (0.7 + 0.15 * ((article.slug.length + daysAgo * 3) % 5)))
      await payload.create({ ...base, collection: ARTICLE_VIEWS, data: { article: article.id, day, views, instance: DEMO_VIEWS_INSTANCE } })
      created += 1
    }
  }
  return created
}
