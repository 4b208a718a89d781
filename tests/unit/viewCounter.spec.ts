import type { Payload } from 'payload'

import { describe, expect, it } from 'vitest'

import { ViewCounter, MAX_ATTEMPTS } from '@/pageViews/counter'

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
