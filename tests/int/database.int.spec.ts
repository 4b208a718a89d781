import { describe, expect, it } from 'vitest'

import { adapterName, querySqlite } from '../helpers/belowPayload'
import { getTestPayload } from '../helpers/payload'

/**
 * Database upkeep that only one adapter needs. PostgreSQL's autovacuum keeps the planner's
 * statistics and MongoDB plans by trial; SQLite has statistics only when asked (src/db/adapter.ts).
 */
describe('SQLite planner statistics', () => {
  const onSqlite = (process.env.BYLINE_TEST_DB ?? 'sqlite') === 'sqlite'

  it(onSqlite ? 'are gathered when the app connects, so ids are looked up by key' : 'are left to the database server', async () => {
    const payload = await getTestPayload()
    if (!onSqlite) {
      expect(adapterName(payload)).not.toBe('sqlite')
      return
    }
    expect(adapterName(payload)).toBe('sqlite')
    const stats = await querySqlite(payload, "SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
    expect(stats.rows).toHaveLength(1)
    const plan = await querySqlite(payload, "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE id IN ('a', 'b') AND _status = 'published'")
    expect(plan.rows.map((row) => String(row.detail)).join(' ')).toMatch(/sqlite_autoindex_articles|PRIMARY KEY|\(id=\?\)/)
  })
})

describe('Writes that overlap', () => {
  it('wait for each other instead of failing, on every database', async () => {
    const payload = await getTestPayload()
    const run = `overlap-${Date.now().toString(36)}`
    // Twelve writers at once: PostgreSQL gives each a pooled connection and a transaction; Payload
    // runs SQLite without transactions, so there each statement waits its turn for the one write lock.
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, index) => payload.create({ collection: 'tags', data: { name: `${run} ${index}`, slug: `${run}-${index}` }, overrideAccess: true })),
    )
    expect(created).toHaveLength(12)
    const found = await payload.count({ collection: 'tags', where: { slug: { like: run } }, overrideAccess: true })
    expect(found.totalDocs).toBe(12)
    await payload.delete({ collection: 'tags', where: { slug: { like: run } }, overrideAccess: true })
  })
})

