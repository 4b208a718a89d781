import type { Payload, PayloadRequest } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { inTransaction } from '@/db/belowPayload'
import { readDatabaseProbe, registerDatabaseProbe } from '@/db/probe'
import { DatabaseWatch, outageJson, outagePage, RETRY_AFTER_SECONDS } from '@/productionServer/outage'

import { closeDatabaseConnection } from '../helpers/belowPayload'
import { getTestPayload } from '../helpers/payload'

/**
 * A database outage (issue #9, item 13): the production server answers 503 instead of a blank 500
 * when the application's probe says the database is unreachable. Here the run's own PostgreSQL
 * database is really made unreachable (it refuses new connections and its open ones are dropped)
 * and brought back. The embedded SQLite file cannot be taken away from a process that holds it
 * open (a file gone from under it keeps answering), so there the process's own client is closed,
 * which is what a broken handle looks like to the application, and opened again.
 */
const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres')

async function admin<T>(run: (query: (sql: string) => Promise<unknown>) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: process.env.BYLINE_TEST_ADMIN_URL })
  await client.connect()
  try {
    return await run((sql) => client.query(sql))
  } finally {
    await client.end()
  }
}

/** Makes the database unreachable; returns how to bring it back. */
async function takeDatabaseDown(payload: Payload): Promise<() => Promise<void>> {
  if (!onPostgres) return closeDatabaseConnection(payload)
  const name = new URL(process.env.DATABASE_URL ?? '').pathname.slice(1)
  await admin(async (query) => {
    await query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`)
    await query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`)
  })
  return () => admin(async (query) => void (await query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`)))
}

describe('While the database is unreachable', () => {
  let payload: Payload
  let bringBack: (() => Promise<void>) | null = null
  const logged: string[] = []

  beforeAll(async () => {
    payload = await getTestPayload()
    registerDatabaseProbe(async () => payload)
  })

  afterAll(async () => {
    if (bringBack) await bringBack()
  })

  it('the probe the application registers says so, and says so again once it is back', async () => {
    const probe = readDatabaseProbe()
    expect(probe).not.toBeNull()
    expect(await probe?.()).toEqual({ up: true })

    bringBack = await takeDatabaseDown(payload)
    const down = await probe?.()
    expect(down?.up).toBe(false)

    await bringBack()
    bringBack = null
    // The pool's dropped idle connections must not have crashed anything (node-postgres emits
    // 'error' on the pool; src/db/adapter.ts listens), and the next query reconnects.
    await expect.poll(async () => (await probe?.())?.up, { timeout: 10_000 }).toBe(true)
  })

  it('a connection in use when the database drops it fails its own work and takes nothing else down', async () => {
    // A transaction holds its connection between statements. When the database ends that
    // connection, node-postgres emits 'error' on it while no pool listener is attached: without
    // one of ours, the process would die of an uncaught exception (vitest reports it as an error).
    const work = inTransaction(payload, async (transactionID) => {
      bringBack = await takeDatabaseDown(payload)
      await new Promise((resolve) => setTimeout(resolve, 500))
      return payload.count({ collection: 'categories', overrideAccess: true, req: { transactionID } as Partial<PayloadRequest> as PayloadRequest })
    })
    await expect(work).rejects.toThrow()
    await bringBack?.()
    bringBack = null
    await expect.poll(async () => (await readDatabaseProbe()?.())?.up, { timeout: 10_000 }).toBe(true)
  })

  it('the server’s watch turns failures into an outage, logging each change once', async () => {
    const watch = new DatabaseWatch(readDatabaseProbe, { error: (line) => logged.push(`error: ${line}`), info: (line) => logged.push(`info: ${line}`) })
    expect(await watch.isDown()).toBe(false)
    bringBack = await takeDatabaseDown(payload)
    // The verdict stands for two seconds: a burst of failures probes once.
    await new Promise((resolve) => setTimeout(resolve, 2_100))
    expect(await watch.isDown()).toBe(true)
    expect(await watch.isDown()).toBe(true)
    await bringBack()
    bringBack = null
    await expect.poll(async () => watch.isDown(), { timeout: 15_000, interval: 2_100 }).toBe(false)
    expect(logged.filter((line) => line.startsWith('error: Database unreachable'))).toHaveLength(1)
    expect(logged).toContain('info: Database reachable again')
  })

  it('answers readers with a designed page and API clients with a message, both 503 with Retry-After', () => {
    for (const answer of [outagePage(), outageJson()]) {
      expect(answer.status).toBe(503)
      expect(answer.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS))
      expect(answer.headers['cache-control']).toBe('no-store')
    }
    expect(outagePage().body.toString()).toContain('<h1>We’ll be back in a moment</h1>')
    expect(JSON.parse(outageJson().body.toString())).toEqual({ errors: [{ message: expect.stringContaining('database is unreachable') }] })
  })
})
