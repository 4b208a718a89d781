import { revalidateTag } from 'next/cache'
import { after } from 'next/server'
import { createHmac, timingSafeEqual } from 'node:crypto'

import type { RedisEnv } from '@/lib/env'

import { announcePurge } from '@/cache/purgeSignal'

import { forgetRecords } from './records'
import { publishPurge } from './sharedInvalidation'

/** Expired tags are regenerated on the next request, which waits for fresh HTML instead of getting the stale page. */
const IMMEDIATELY = { expire: 0 }

/** How long a signed request from a background process stays valid. */
const SIGNATURE_MAX_AGE_MS = 60_000

const REVALIDATE_PATH = '/revalidate'

type Logger = { error: (message: string) => void; info?: (message: string) => void }

const signature = (body: string, secret: string) => createHmac('sha256', `byline-revalidate:${secret}`).update(body).digest('base64url')

/**
 * Expires cache tags after a content change. Inside a Next request (REST, the admin, a server
 * action) Next does it as the request ends. Outside one (the jobs runner publishing on schedule,
 * `npm run jobs` from cron) there is no request to attach to, so the running server is asked over
 * HTTP with a request signed by the shared secret. A server that is down has nothing to expire
 * in memory, and its on-disk pages carry tags that fall out of date: a failure is logged, never
 * thrown, because the content change itself has succeeded.
 *
 * In shared mode (`redis` set) there are many servers: a change outside a request is published to
 * the purge log instead, which every instance reads. In a request, Next's revalidateTag reaches our
 * cache handler (src/cache/nextCacheHandler.mjs), which publishes it after the commit.
 */
export async function expireTags(
  tags: Iterable<string>,
  options: { secret: string; serverURL: string; logger: Logger; redis: RedisEnv | null },
): Promise<void> {
  const unique = [...new Set(tags)]
  if (unique.length === 0) return
  // This process's remembered records go at once, in a request or not (the seed, a script).
  forgetRecords(unique)
  if (expireInRequest(unique)) return
  if (options.redis) {
    const { logger } = options
    return publishPurge(unique, { redis: options.redis, logger: { error: (message) => logger.error(message), info: (message) => logger.info?.(message) } })
  }
  await askServer(unique, options)
}

/**
 * Expires tags in this server, inside a request: Next's cached pages, the production server's
 * copies of them (src/productionServer) and the remembered records (src/cache/records.ts). Returns false
 * outside a request, where Next has no cache to expire.
 */
export function expireInRequest(tags: string[]): boolean {
  try {
    for (const name of tags) revalidateTag(name, IMMEDIATELY)
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Invariant: static generation store missing')) return false
    throw error
  }
  announcePurge()
  forgetRecords(tags)
  // And again when the response has gone: the change is committed by then, so a render that read
  // the old rows meanwhile (on another database connection) is not remembered either.
  after(() => forgetRecords(tags))
  return true
}

async function askServer(tags: string[], { secret, serverURL, logger }: { secret: string; serverURL: string; logger: Logger }) {
  const body = JSON.stringify({ tags, at: Date.now() })
  try {
    const response = await fetch(new URL(REVALIDATE_PATH, serverURL), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-byline-signature': signature(body, secret) },
      body,
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok) logger.error(`Could not expire cached pages (${tags.join(', ')}): ${serverURL} answered ${response.status}`)
  } catch (error) {
    logger.error(`Could not expire cached pages (${tags.join(', ')}): ${serverURL} did not answer (${error instanceof Error ? error.message : error})`)
  }
}

/**
 * The tags of a signed request from askServer, or null when the signature is wrong, the request
 * is stale (a replay) or the body is malformed.
 */
export function readSignedTags({ body, signature: given, secret, now }: { body: string; signature: string | null; secret: string; now: number }): string[] | null {
  if (!given) return null
  const expected = Buffer.from(signature(body, secret))
  const received = Buffer.from(given)
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const { tags, at } = parsed as { tags?: unknown; at?: unknown }
  if (typeof at !== 'number' || Math.abs(now - at) > SIGNATURE_MAX_AGE_MS) return null
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string' && t.length > 0 && t.length <= 256)) return null
  return tags as string[]
}
