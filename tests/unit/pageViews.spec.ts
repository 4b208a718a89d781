import type { Payload } from 'payload'

import { describe, expect, it } from 'vitest'

import { ViewCounter, MAX_ATTEMPTS } from '@/pageViews/counter'
import { isViewDay, previousDay, viewDay, viewWindow } from '@/pageViews/days'
import { MemoryViewerStore, RecentViewers, VIEWERS_PER_ADDRESS } from '@/pageViews/recentViewers'
import { ViewTally } from '@/pageViews/tally'

describe('View days', () => {
  it('names a view’s day by its UTC date', () => {
    expect(viewDay(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01')
    expect(viewDay(new Date('2026-03-02T00:30:00+02:00'))).toBe('2026-03-01')
  })

  it('spans a seven-day window from six days ago to today, both included', () => {
    expect(viewWindow({ days: 7, now: new Date('2026-03-03T12:00:00Z') })).toEqual({ from: '2026-02-25', to: '2026-03-03' })
    expect(viewWindow({ days: 1, now: new Date('2026-03-03T00:00:00Z') })).toEqual({ from: '2026-03-03', to: '2026-03-03' })
  })

  it('refuses a window that is not a whole number of days', () => {
    expect(() => viewWindow({ days: 0, now: new Date() })).toThrow(RangeError)
    expect(() => viewWindow({ days: 2.5, now: new Date() })).toThrow(RangeError)
  })

  it('accepts real calendar days only', () => {
    expect(isViewDay('2028-02-29')).toBe(true)
    expect(isViewDay('2026-02-29')).toBe(false)
    expect(isViewDay('2026-3-1')).toBe(false)
    expect(isViewDay(20260301)).toBe(false)
  })

  it('steps back over month and year ends', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28')
    expect(previousDay('2026-01-01')).toBe('2025-12-31')
  })
})

describe('View tally', () => {
  it('adds views up per article and day', () => {
    const tally = new ViewTally()
    tally.add({ articleId: 'a', day: '2026-03-01' })
    tally.add({ articleId: 'a', day: '2026-03-01' })
    tally.add({ articleId: 'b', day: '2026-03-01' })
    tally.add({ articleId: 'a', day: '2026-03-02', views: 5 })
    expect(tally.pendingViews).toBe(8)
    expect(tally.drain()).toEqual([
      { articleId: 'a', day: '2026-03-01', views: 2 },
      { articleId: 'b', day: '2026-03-01', views: 1 },
      { articleId: 'a', day: '2026-03-02', views: 5 },
    ])
  })

  it('starts again from zero after a drain', () => {
    const tally = new ViewTally()
    tally.add({ articleId: 'a', day: '2026-03-01' })
    tally.drain()
    expect(tally.pendingViews).toBe(0)
    expect(tally.drain()).toEqual([])
  })

  it('ignores zero, negative and fractional counts', () => {
    const tally = new ViewTally()
    for (const views of [0, -3, 1.5]) tally.add({ articleId: 'a', day: '2026-03-01', views })
    expect(tally.drain()).toEqual([])
  })

  it('keeps ids apart that a naive key would join', () => {
    const tally = new ViewTally()
    tally.add({ articleId: 'a|2026', day: '03-01' })
    tally.add({ articleId: 'a', day: '2026|03-01' })
    expect(tally.drain()).toHaveLength(2)
  })
})

/**
 * The counter's bookkeeping against a stand-in for Payload's Local API that stores rows in a Map
 * and fails when told to: what a database error does to buffered views. The integration tests
 * (tests/int/pageViews.int.spec.ts) run the counter against the real databases.
 */
function fakePayload({ latencyMs = 0 }: { latencyMs?: number } = {}) {
  const rows = new Map<string, Record<string, unknown>>()
  const logged: string[] = []
  let failures = 0
  let nextId = 0
  const maybeFail = async () => {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
    if (failures > 0) {
      failures -= 1
      throw new Error('database unavailable')
    }
  }
  const payload = {
    create: async ({ data }: { data: Record<string, unknown> }) => {
      await maybeFail()
      const id = `row-${++nextId}`
      rows.set(id, { ...data, id })
      return { id }
    },
    update: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      await maybeFail()
      const row = rows.get(id)
      if (!row) throw new Error('not found')
      Object.assign(row, data)
      return { id }
    },
    logger: { error: (_: unknown, message: string) => logged.push(message) },
  }
  return {
    payload: payload as unknown as Payload,
    rows: () => [...rows.values()],
    logged,
    deleteAll: () => rows.clear(),
    failNext: (n: number) => {
      failures = n
    },
  }
}

describe('View counter', () => {
  const now = () => new Date('2026-03-01T10:00:00Z')

  it('writes one row per article and day, then adds to it', async () => {
    const db = fakePayload()
    const counter = new ViewCounter({ payload: db.payload, instance: 'p1', flushEveryMs: null, now })
    counter.count('a')
    counter.count('a')
    counter.count('b')
    expect(await counter.flush()).toEqual({ written: 3, kept: 0, dropped: 0 })
    counter.count('a')
    expect(await counter.flush()).toEqual({ written: 1, kept: 0, dropped: 0 })
    expect(db.rows()).toEqual([
      { id: 'row-1', article: 'a', day: '2026-03-01', views: 3, instance: 'p1' },
      { id: 'row-2', article: 'b', day: '2026-03-01', views: 1, instance: 'p1' },
    ])
  })

  it('keeps views a failed write could not save, logs it, and saves them with the next flush', async () => {
    const db = fakePayload()
    const counter = new ViewCounter({ payload: db.payload, instance: 'p1', flushEveryMs: null, now })
    counter.count('a')
    counter.count('a')
    db.failNext(1)
    expect(await counter.flush()).toEqual({ written: 0, kept: 2, dropped: 0 })
    expect(counter.pendingViews).toBe(2)
    expect(db.logged).toEqual([expect.stringContaining('Could not save 2 views of article a on 2026-03-01 (attempt 1 of 3)')])
    counter.count('a')
    expect(await counter.flush()).toEqual({ written: 3, kept: 0, dropped: 0 })
    expect(db.rows()).toEqual([expect.objectContaining({ article: 'a', views: 3 })])
  })

  it(`gives up on views after ${MAX_ATTEMPTS} failed writes in a row, and says so in the log`, async () => {
    const db = fakePayload()
    const counter = new ViewCounter({ payload: db.payload, instance: 'p1', flushEveryMs: null, now })
    counter.count('a')
    db.failNext(MAX_ATTEMPTS)
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) expect((await counter.flush()).kept).toBe(1)
    expect(await counter.flush()).toEqual({ written: 0, kept: 0, dropped: 1 })
    expect(counter.pendingViews).toBe(0)
    expect(db.logged.at(-1)).toBe(`Dropped 1 views of article a on 2026-03-01: ${MAX_ATTEMPTS} writes in a row failed.`)
  })

  it('starts a new row when its own row is gone, keeping the views meanwhile', async () => {
    const db = fakePayload()
    const counter = new ViewCounter({ payload: db.payload, instance: 'p1', flushEveryMs: null, now })
    counter.count('a')
    await counter.flush()
    db.deleteAll()
    counter.count('a')
    expect(await counter.flush()).toEqual({ written: 0, kept: 1, dropped: 0 })
    expect(await counter.flush()).toEqual({ written: 1, kept: 0, dropped: 0 })
    expect(db.rows()).toEqual([expect.objectContaining({ id: 'row-2', article: 'a', views: 1 })])
  })

  it('runs flushes one after another, so one process never creates a row twice', async () => {
    const db = fakePayload({ latencyMs: 5 })
    const counter = new ViewCounter({ payload: db.payload, instance: 'p1', flushEveryMs: null, now })
    counter.count('a')
    const first = counter.flush()
    // The first flush is now waiting on the database with the first view.
    await new Promise((resolve) => setTimeout(resolve, 1))
    counter.count('a')
    const second = counter.flush()
    expect([await first, await second]).toEqual([
      { written: 1, kept: 0, dropped: 0 },
      { written: 1, kept: 0, dropped: 0 },
    ])
    expect(db.rows()).toEqual([expect.objectContaining({ article: 'a', views: 2 })])
  })

  it('flushes by itself once enough views are waiting', async () => {
    const db = fakePayload()
    const counter = new ViewCounter({ payload: db.payload, instance: 'p1', flushEveryMs: null, flushAtViews: 3, now })
    counter.count('a')
    counter.count('a')
    expect(counter.pendingViews).toBe(2)
    counter.count('a')
    await counter.flush()
    expect(db.rows()).toEqual([expect.objectContaining({ views: 3 })])
  })
})

describe('Recent viewers', () => {
  const HOUR = 60 * 60 * 1000
  const headers = (ip: string, agent = 'Mozilla/5.0 Firefox/133.0') => new Headers({ 'x-forwarded-for': ip, 'user-agent': agent })
  const viewers = (options: { maxEntries?: number } = {}) => {
    const clock = { now: 0 }
    const memory = new MemoryViewerStore({ now: () => clock.now, ...options })
    return { clock, memory, recent: new RecentViewers({ secret: 's'.repeat(32), store: memory }) }
  }

  it('admits a reader once per article within the hour, and again once the hour has passed', async () => {
    const { clock, recent } = viewers()
    expect(await recent.admit({ headers: headers('192.0.2.1'), articleId: 'a' })).toBe(true)
    clock.now = HOUR - 1
    expect(await recent.admit({ headers: headers('192.0.2.1'), articleId: 'a' })).toBe(false)
    clock.now = HOUR
    expect(await recent.admit({ headers: headers('192.0.2.1'), articleId: 'a' })).toBe(true)
  })

  it('reads the address the proxy saw, not one the client wrote itself', async () => {
    const { recent } = viewers()
    expect(await recent.admit({ headers: headers('198.51.100.1, 192.0.2.1'), articleId: 'a' })).toBe(true)
    expect(await recent.admit({ headers: headers('198.51.100.2, 192.0.2.1'), articleId: 'a' })).toBe(false)
  })

  it('admits at most VIEWERS_PER_ADDRESS user agents from one address per article', async () => {
    const { recent } = viewers()
    const admitted = []
    for (let i = 0; i < VIEWERS_PER_ADDRESS + 3; i += 1) admitted.push(await recent.admit({ headers: headers('192.0.2.9', `Agent/${i}`), articleId: 'a' }))
    expect(admitted.filter(Boolean)).toHaveLength(VIEWERS_PER_ADDRESS)
    expect(await recent.admit({ headers: headers('192.0.2.9', 'Agent/0'), articleId: 'b' })).toBe(true)
  })

  it('forgets expired keys and never keeps more than it is allowed', async () => {
    const { clock, memory, recent } = viewers({ maxEntries: 50 })
    for (let i = 0; i < 200; i += 1) await recent.admit({ headers: headers(`192.0.2.${i}`), articleId: 'a' })
    expect(memory.size).toBeLessThanOrEqual(50)
    clock.now = HOUR
    await recent.admit({ headers: headers('192.0.2.1'), articleId: 'b' })
    expect(memory.size).toBe(2)
  })

  it('keeps no address or user agent, only hashes', async () => {
    const { memory, recent } = viewers()
    await recent.admit({ headers: headers('192.0.2.44', 'Agent/7'), articleId: 'a' })
    expect(memory.size).toBe(2)
    expect(JSON.stringify(memory.keys())).not.toMatch(/192\.0\.2\.44|Agent\/7/)
  })
})
