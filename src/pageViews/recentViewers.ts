import { createHash } from 'node:crypto'

import { clientIp, hashIp } from '@/lib/ipAddress'

const VIEW_WINDOW_MS = 60 * 60 * 1000
/**
 * Readers behind one address (an office, a school, a phone carrier's NAT) that one article may
 * count within the window. The user agent tells them apart, but a client chooses its own, so
 * without this cap one address could still buy views by changing it on every beacon.
 */
export const VIEWERS_PER_ADDRESS = 10
/** Keys remembered at most (about 100 bytes each); beyond it the oldest are forgotten first. */
const MAX_REMEMBERED = 100_000

type Options = {
  secret: string
  /** Where admitted clients are remembered; this process's memory by default. */
  store?: RecentViewerStore
  windowMs?: number
  perAddress?: number
  maxEntries?: number
  now?: () => number
}

/** One view to decide on: admitted unless `client` was seen within the window, or `address` had `perAddress` clients admitted. */
type ViewerCheck = { client: string; address: string; windowMs: number; perAddress: number }

/**
 * Where RecentViewers remembers whom it admitted: this process's memory (memoryViewerStore), or
 * Redis in shared mode (./sharedViewers.ts), so a reader counts once across every instance.
 */
export interface RecentViewerStore {
  admit(check: ViewerCheck): Promise<boolean>
}

type Entry = { until: number; count: number }

const shortHash = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22)

/**
 * Admitted clients in this process's memory. Bounded: entries live in creation order, expired
 * ones go first, and past `maxEntries` the oldest are dropped.
 */
export class MemoryViewerStore implements RecentViewerStore {
  private readonly entries = new Map<string, Entry>()
  private readonly maxEntries: number
  private readonly now: () => number

  constructor({ maxEntries = MAX_REMEMBERED, now = Date.now }: { maxEntries?: number; now?: () => number } = {}) {
    this.maxEntries = maxEntries
    this.now = now
  }

  async admit({ client, address, windowMs, perAddress }: ViewerCheck): Promise<boolean> {
    const now = this.now()
    this.forgetExpired(now)
    if (this.entries.has(client)) return false
    const seen = this.entries.get(address)
    if (seen && seen.count >= perAddress) return false
    if (seen) seen.count += 1
    else this.remember(address, now + windowMs)
    this.remember(client, now + windowMs)
    return true
  }

  /** Keys remembered now (for tests and monitoring). */
  get size(): number {
    return this.entries.size
  }

  /** The keys remembered now, for a test that nothing identifying is among them. */
  keys(): string[] {
    return [...this.entries.keys()]
  }

  private remember(key: string, until: number) {
    this.entries.set(key, { until, count: 1 })
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

/**
 * Who has viewed which article lately, so a reader counts once per article per hour: one client
 * (a keyed hash of its address, as comments record it, plus its user agent) is admitted once per
 * window, and one address at most VIEWERS_PER_ADDRESS times. Nothing identifying is kept: keys
 * are hashes, and they are forgotten when their window ends.
 *
 * In this process's memory by default; in shared mode the beacon gives it a store in Redis
 * (./sharedViewers.ts), so a reader counts once however many instances their beacons reach.
 */
export class RecentViewers {
  private readonly secret: string
  private readonly store: RecentViewerStore
  private readonly windowMs: number
  private readonly perAddress: number

  constructor({ secret, store, windowMs = VIEW_WINDOW_MS, perAddress = VIEWERS_PER_ADDRESS, maxEntries = MAX_REMEMBERED, now = Date.now }: Options) {
    this.secret = secret
    this.store = store ?? new MemoryViewerStore({ maxEntries, now })
    this.windowMs = windowMs
    this.perAddress = perAddress
  }

  /** Whether this request's view of the article counts: true once per client and window. */
  admit({ headers, articleId }: { headers: Headers; articleId: string }): Promise<boolean> {
    const ip = clientIp(headers)
    // No address at all (no proxy header, nothing from the socket): such clients share one.
    const address = ip ? hashIp({ ip, secret: this.secret }) : 'unknown'
    const agent = headers.get('user-agent')?.slice(0, 500) ?? ''
    return this.store.admit({
      client: `c:${shortHash(address, agent, articleId)}`,
      address: `a:${shortHash(address, articleId)}`,
      windowMs: this.windowMs,
      perAddress: this.perAddress,
    })
  }
}
