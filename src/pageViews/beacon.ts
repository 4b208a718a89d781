import type { Payload } from 'payload'

import type { ViewCounter } from './counter'

import { readRedisEnv } from '@/lib/env'
import { sharedStateRedis } from '@/lib/sharedRedis'

import { VIEW_BEACON } from './beaconPath'
import { botReason } from './botFilter'
import { sharedViewCounter } from './counter'
import { PublishedArticles } from './publishedArticles'
import { RecentViewers } from './recentViewers'
import { sharedViewerStore } from './sharedViewers'

/** A beacon carries one id; anything bigger is not ours. */
const MAX_BODY_BYTES = 256

type BeaconDeps = { counter: ViewCounter; published: PublishedArticles; viewers: RecentViewers }

/**
 * The article id a beacon carries: `article=<id>` form-encoded (what navigator.sendBeacon sends
 * for URLSearchParams, and a plain form post), or the bare id as text/plain.
 */
async function readArticleId(request: Request): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return null
  const body = await request.text()
  if (body.length > MAX_BODY_BYTES) return null
  const type = request.headers.get('content-type') ?? ''
  const id = type.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body).get(VIEW_BEACON.field) : body
  return id?.trim() || null
}

/**
 * One page view, reported by the reader's browser after the page loaded. Counts it when a person
 * (as far as the headers tell) viewed a published article and has not been counted for it within
 * the hour (RecentViewers); answers 204 either way, at once, so a repeat learns nothing: the count
 * is written later, in the background (ViewCounter).
 */
export async function recordView({ request, counter, published, viewers }: { request: Request } & BeaconDeps): Promise<Response> {
  if (botReason(request.headers) === null) {
    const articleId = await readArticleId(request)
    if (articleId && (await published.isPublished(articleId)) && (await viewers.admit({ headers: request.headers, articleId }))) counter.count(articleId)
  }
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } })
}

const SHARED = Symbol.for('byline.views.published')
const VIEWERS = Symbol.for('byline.views.viewers')
type Store = typeof globalThis & { [SHARED]?: PublishedArticles; [VIEWERS]?: RecentViewers }

/** Remembered in Redis in shared mode (REDIS_URL), so a reader counts once across instances; in memory otherwise. */
function recentViewers(payload: Payload): RecentViewers {
  const redis = readRedisEnv()
  if (!redis) return new RecentViewers({ secret: payload.secret })
  return new RecentViewers({ secret: payload.secret, store: sharedViewerStore({ redis: sharedStateRedis(redis), prefix: redis.prefix, logger: payload.logger }) })
}

/** The process's counter, published-article cache and recent viewers, for the route. */
export function sharedBeaconDeps(payload: Payload): BeaconDeps {
  const store = globalThis as Store
  const published = (store[SHARED] ??= new PublishedArticles({ payload }))
  published.payload = payload
  const viewers = (store[VIEWERS] ??= recentViewers(payload))
  return { counter: sharedViewCounter(payload), published, viewers }
}
