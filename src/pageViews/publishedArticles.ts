import type { Payload } from 'payload'

/** Article ids are UUIDs (SQL) or ObjectIds (MongoDB); anything longer or odder is not worth a query. */
const PLAUSIBLE_ID = /^[A-Za-z0-9_-]{1,64}$/

const messages = {
  lookupFailed: (id: string) => `Could not check whether article ${id} is published; its view is not counted.`,
}

type Entry = { published: Promise<boolean>; checkedAt: number }

type Options = {
  payload: Payload
  /** How long an answer is trusted. A view counted just after unpublishing never ranks: rankings check again. */
  ttlMs?: number
  /** Answers kept at most; the cache starts over when full, so junk ids cannot grow it without bound. */
  maxEntries?: number
  now?: () => number
}

/**
 * Which ids are published articles, asked as an anonymous reader and remembered for a minute, so
 * a burst of views of one article costs one query. Concurrent questions about an id share it.
 */
export class PublishedArticles {
  payload: Payload
  private readonly answers = new Map<string, Entry>()
  private readonly ttlMs: number
  private readonly maxEntries: number
  private readonly now: () => number

  constructor({ payload, ttlMs = 60_000, maxEntries = 10_000, now = Date.now }: Options) {
    this.payload = payload
    this.ttlMs = ttlMs
    this.maxEntries = maxEntries
    this.now = now
  }

  isPublished(id: string): Promise<boolean> {
    if (!PLAUSIBLE_ID.test(id)) return Promise.resolve(false)
    const cached = this.answers.get(id)
    if (cached && this.now() - cached.checkedAt < this.ttlMs) return cached.published
    if (this.answers.size >= this.maxEntries) this.answers.clear()
    const published = this.lookUp(id).then((answer) => {
      // A failed lookup is not remembered: the next view asks again.
      if (answer === null) this.answers.delete(id)
      return answer === true
    })
    this.answers.set(id, { published, checkedAt: this.now() })
    return published
  }

  /** true or false, or null when the database could not say. */
  private async lookUp(id: string): Promise<boolean | null> {
    try {
      // overrideAccess: false with no user is the public's view: published articles only.
      const { docs } = await this.payload.find({
        collection: 'articles',
        overrideAccess: false,
        where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
        limit: 1,
        pagination: false,
        depth: 0,
        select: {},
      })
      return docs.length > 0
    } catch (error) {
      this.payload.logger.error({ err: error }, messages.lookupFailed(id))
      return null
    }
  }
}
