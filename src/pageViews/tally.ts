/** Views of one article on one day. */
export type ViewCount = { articleId: string; day: string; views: number }

/**
 * Page views added up in memory until they are written: a busy article costs one write per
 * flush, whatever its traffic. Plain data, no I/O, so the arithmetic is tested on its own.
 */
export class ViewTally {
  private readonly counts = new Map<string, ViewCount>()
  private hits = 0

  add({ articleId, day, views = 1 }: { articleId: string; day: string; views?: number }): void {
    if (!Number.isInteger(views) || views < 1) return
    const key = JSON.stringify([articleId, day])
    const entry = this.counts.get(key)
    if (entry) entry.views += views
    else this.counts.set(key, { articleId, day, views })
    this.hits += views
  }

  /** Views added since the last drain. */
  get pendingViews(): number {
    return this.hits
  }

  /** Everything added so far, one entry per article and day; the tally starts again from zero. */
  drain(): ViewCount[] {
    const entries = [...this.counts.values()]
    this.counts.clear()
    this.hits = 0
    return entries
  }
}
