import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'

import type { ViewCount } from './tally'

import { previousDay, viewDay } from './days'
import { ViewTally } from './tally'

export const ARTICLE_VIEWS = 'article-views'

/** How often buffered views are written, and how many buffered views trigger a write sooner. */
const FLUSH_EVERY_MS = 10_000
const FLUSH_AT_VIEWS = 1_000
/** A count that cannot be written this many flushes in a row is given up on (and logged). */
export const MAX_ATTEMPTS = 3

const messages = {
  kept: (count: ViewCount, attempt: number) =>
    `Could not save ${count.views} views of article ${count.articleId} on ${count.day} (attempt ${attempt} of ${MAX_ATTEMPTS}); they are kept for the next flush.`,
  gone: (count: ViewCount) => `Dropped ${count.views} views of article ${count.articleId} on ${count.day}: the article was deleted.`,
  dropped: (count: ViewCount) =>
    `Dropped ${count.views} views of article ${count.articleId} on ${count.day}: ${MAX_ATTEMPTS} writes in a row failed.`,
  flushFailed: 'Flushing page views failed unexpectedly.',
}

/** What one flush did, in views. */
type FlushResult = { written: number; kept: number; dropped: number }

type CounterOptions = {
  payload: Payload
  /** Names this process's rows; random per process unless a test fixes it. */
  instance?: string
  /** Write buffered views this often; null leaves flushing to the caller (tests). */
  flushEveryMs?: number | null
  flushAtViews?: number
  now?: () => Date
}

/**
 * Counts page views in memory and writes them to `article-views` in the background.
 *
 * Per process: every server process has its own counter and its own rows (`instance`), one per
 * article and day. A process only ever adds to rows it created, so it knows their totals and
 * writes `views = total` without reading first, and processes never overwrite each other's counts
 * (no lost updates, no adapter-specific atomic increment). Rankings sum the rows.
 *
 * Views still in memory when a process stops (at most FLUSH_EVERY_MS worth) are lost: a
 * popularity ranking tolerates that, and a request never waits on a database write.
 */
export class ViewCounter {
  payload: Payload
  readonly instance: string
  private readonly tally = new ViewTally()
  /** The rows this process wrote: their id and total, by article and day. */
  private readonly rows = new Map<string, { id: string; views: number }>()
  private readonly attempts = new Map<string, number>()
  private readonly flushEveryMs: number | null
  private readonly flushAtViews: number
  private readonly now: () => Date
  private timer: ReturnType<typeof setInterval> | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor({ payload, instance, flushEveryMs = FLUSH_EVERY_MS, flushAtViews = FLUSH_AT_VIEWS, now = () => new Date() }: CounterOptions) {
    this.payload = payload
    this.instance = instance ?? `${new Date().toISOString().slice(0, 19)}Z-${randomBytes(4).toString('hex')}`
    this.flushEveryMs = flushEveryMs
    this.flushAtViews = flushAtViews
    this.now = now
  }

  /** One page view of a (published) article, counted today. */
  count(articleId: string): void {
    this.tally.add({ articleId, day: viewDay(this.now()) })
    this.startTimer()
    if (this.tally.pendingViews >= this.flushAtViews) void this.flush()
  }

  /** Views counted but not written yet. */
  get pendingViews(): number {
    return this.tally.pendingViews
  }

  /**
   * Writes everything counted so far. Flushes run one after another, never side by side, and
   * never reject: a count that cannot be written is logged and kept for the next flush.
   */
  flush(): Promise<FlushResult> {
    const run = this.queue.then(() => this.write())
    this.queue = run
    return run
  }

  /** Stops the background flushes (the counted views stay until flush() is called). */
  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private startTimer() {
    if (this.timer || this.flushEveryMs === null) return
    this.timer = setInterval(() => void this.flush(), this.flushEveryMs)
    // A pending flush must not keep a process alive that is otherwise done.
    this.timer.unref?.()
  }

  private async write(): Promise<FlushResult> {
    const result: FlushResult = { written: 0, kept: 0, dropped: 0 }
    try {
      for (const count of this.tally.drain()) {
        const outcome = await this.writeOne(count)
        result[outcome] += count.views
      }
      this.forgetPastDays()
    } catch (error) {
      this.payload.logger.error({ err: error }, messages.flushFailed)
    }
    return result
  }

  private async writeOne(count: ViewCount): Promise<keyof FlushResult> {
    const key = JSON.stringify([count.articleId, count.day])
    const row = this.rows.get(key)
    try {
      const system = { collection: ARTICLE_VIEWS, overrideAccess: true, depth: 0, select: {} } as const
      if (row) {
        await this.payload.update({ ...system, id: row.id, data: { views: row.views + count.views } })
        row.views += count.views
      } else {
        const created = await this.payload.create({
          ...system,
          data: { article: count.articleId, day: count.day, views: count.views, instance: this.instance },
        })
        this.rows.set(key, { id: created.id, views: count.views })
      }
      this.attempts.delete(key)
      return 'written'
    } catch (error) {
      // The row may be gone (or never have been written): the next attempt starts a new one,
      // which the ranking simply adds to whatever this process wrote before.
      this.rows.delete(key)
      // Views of an article deleted since are nobody's loss and no fault: dropped at once, quietly.
      if (!(await this.articleExists(count.articleId))) {
        this.attempts.delete(key)
        this.payload.logger.debug(messages.gone(count))
        return 'dropped'
      }
      const attempt = (this.attempts.get(key) ?? 0) + 1
      if (attempt >= MAX_ATTEMPTS) {
        this.attempts.delete(key)
        this.payload.logger.error({ err: error }, messages.dropped(count))
        return 'dropped'
      }
      this.attempts.set(key, attempt)
      this.payload.logger.error({ err: error }, messages.kept(count, attempt))
      this.tally.add(count)
      return 'kept'
    }
  }

  /** Whether the article is still there; true when that cannot be told (the write is retried). */
  private async articleExists(articleId: string): Promise<boolean> {
    try {
      const found = await this.payload.find({
        collection: 'articles',
        where: { id: { equals: articleId } },
        overrideAccess: true,
        depth: 0,
        limit: 1,
        pagination: false,
        select: {},
      })
      return found.docs.length > 0
    } catch {
      return true
    }
  }

  /** Rows of days before yesterday get no more views: their ids need not be kept. */
  private forgetPastDays() {
    const oldest = previousDay(viewDay(this.now()))
    for (const key of this.rows.keys()) {
      const [, day] = JSON.parse(key) as [string, string]
      if (day < oldest) this.rows.delete(key)
    }
  }
}

const SHARED = Symbol.for('byline.views.counter')
type Store = typeof globalThis & { [SHARED]?: ViewCounter }

/**
 * The process's counter. Kept on globalThis because Next may load this module more than once
 * (one bundle per route); one counter per process keeps one buffer and one timer.
 */
export function sharedViewCounter(payload: Payload): ViewCounter {
  const store = globalThis as Store
  const counter = (store[SHARED] ??= new ViewCounter({ payload }))
  counter.payload = payload
  return counter
}
