import { createHash } from 'node:crypto'

import { clientIp, hashIp } from '@/lib/requestMetadata'

export const VIEW_WINDOW_MS = 60 * 60 * 1000
/**
 * Readers behind one address (an office, a school, a phone carrier's NAT) that one article may
 * count within the window. The user agent tells them apart, but a client chooses its own, so
 * without this cap one address could still buy views by changing it on every beacon.
 */
export const VIEWERS_PER_ADDRESS = 10
/** Keys remembered at most (about 100 bytes each); beyond it the oldest are forgotten first. */
export const MAX_REMEMBERED = 100_000

type Options = {
  secret: string
  /** Proxies in front of the app that append to X-Forwarded-For, as for comments (src/lib/requestMetadata.ts). */
  hops?: number
  windowMs?: number
  perAddress?: number
  maxEntries?: number
  now?: () => number
}

type Entry = { until: number; count: number }

const shortHash = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22)

/**
 * Who has viewed which article lately, so a reader counts once per article per hour: one client
 * (a keyed hash of its address, as comments record it, plus its user agent) is admitted once per
 * window, and one address at most VIEWERS_PER_ADDRESS times. Nothing identifying is kept: keys
 * are hashes, and they are forgotten when their window ends.
 *
 * Per process, in memory: with several server processes each keeps its own, so a reader could
 * count once per process (the scale-out work moves this to the shared store). Bounded: entries
 * live in creation order, expired ones go first, and past MAX_REMEMBERED the oldest are dropped.
 */
export class RecentViewers {
  private readonly entries = new Map<string, Entry>()
  private readonly secret: string
  private readonly hops: number | undefined
  private readonly windowMs: number
  private readonly perAddress: number
  private readonly maxEntries: number
  private readonly now: () => number

  constructor({ secret, hops, windowMs = VIEW_WINDOW_MS, perAddress = VIEWERS_PER_ADDRESS, maxEntries = MAX_REMEMBERED, now = Date.now }: Options) {
    this.secret = secret
    this.hops = hops
    this.windowMs = windowMs
    this.perAddress = perAddress
    this.maxEntries = maxEntries
    this.now = now
  }

  /** Whether this request's view of the article counts: true once per client and window. */
  admit({ headers, articleId }: { headers: Headers; articleId: string }): boolean {
    const now = this.now()
    this.forgetExpired(now)
    const ip = clientIp(headers, { hops: this.hops })
    // No address at all (no proxy header, nothing from the socket): such clients share one.
    const address = ip ? hashIp({ ip, secret: this.secret }) : 'unknown'
    const agent = headers.get('user-agent')?.slice(0, 500) ?? ''
    const client = `c:${shortHash(address, agent, articleId)}`
    if (this.entries.has(client)) return false
    const perAddress = `a:${shortHash(address, articleId)}`
    const seen = this.entries.get(perAddress)
    if (seen && seen.count >= this.perAddress) return false
    if (seen) seen.count += 1
    else this.remember(perAddress, now)
    this.remember(client, now)
    return true
  }

  /** Keys remembered now (for tests and monitoring). */
  get size(): number {
    return this.entries.size
  }

  private remember(key: string, now: number) {
    this.entries.set(key, { until: now + this.windowMs, count: 1 })
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.entries.delete(oldest.value)
    }
  }

  /** Entries are created in time order with one window each, so the expired ones are at the front. */
  private forgetExpired(now: number) {
    for (const [key, entry] of this.entries) {
      if (entry.until > now) break
      this.entries.delete(key)
    }
  }
}
