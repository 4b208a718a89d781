import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'

import type { DatabaseChoice } from '@/lib/env'

import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'

const migrationsRoot = path.resolve(process.cwd(), 'src/migrations')

/** How often a long-running process refreshes SQLite's planner statistics. */
const ANALYZE_EVERY_MS = 60 * 60 * 1000

type SqliteClient = { execute: (sql: string) => Promise<unknown> }

type AdapterInstance = ReturnType<DatabaseAdapterObj['init']>

/** Runs `then` with the connected adapter each time Payload's connect() has finished. */
function afterConnect(adapter: DatabaseAdapterObj, then: (instance: AdapterInstance) => Promise<void>): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const instance = adapter.init(args)
      const connect = instance.connect
      if (!connect) return instance
      instance.connect = async function (this: AdapterInstance, options) {
        await connect.call(this, options)
        await then(this)
      }
      return instance
    },
  }
}

/**
 * SQLite's query planner without statistics guesses that every index is selective. On a page's
 * "these ten articles, if published" (`id IN (…) AND _status = ?`) it then walked the
 * (_status, publishedAt) index over every published article instead of looking up ten ids: 93 ms
 * at 100,000 articles, against 0.1 ms once `ANALYZE` had run (PostgreSQL's autovacuum keeps its
 * own statistics; MongoDB plans by trial). So on every connection, and every hour after, SQLite
 * samples its indexes: `analysis_limit` bounds the work (50 ms for 100,000 articles and 1,000,000
 * comments), as SQLite recommends for long-lived connections.
 */
function withPlannerStatistics(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  const scheduled = new WeakSet<AdapterInstance>()
  return afterConnect(adapter, async (instance) => {
    const client = (instance as unknown as { client?: SqliteClient }).client
    if (!client) return
    const analyze = async () => {
      try {
        await client.execute('PRAGMA analysis_limit = 1000')
        await client.execute('ANALYZE')
      } catch (error) {
        instance.payload.logger.warn({ err: error, msg: 'Could not refresh SQLite planner statistics (ANALYZE)' })
      }
    }
    await analyze()
    // connect() runs again on a dev server's hot reload: one timer is enough.
    if (!scheduled.has(instance)) setInterval(() => void analyze(), ANALYZE_EVERY_MS).unref()
    scheduled.add(instance)
  })
}

type PgClient = { on: (event: 'error', listener: (error: Error) => void) => void }
type Pool = {
  on: ((event: 'error', listener: (error: Error) => void) => void) & ((event: 'connect', listener: (client: PgClient) => void) => void)
}

/**
 * node-postgres emits 'error' when the database ends a connection (a restart, an administrator),
 * and an EventEmitter with no listener for 'error' throws: the whole server would go down with the
 * database. Payload adds none, so here are two. An idle connection's error reaches the pool, which
 * drops it and opens a new one on the next query. A connection in use (a transaction between
 * statements) has no pool listener: its error is emitted on the connection itself, and its holder
 * learns of it from its next statement, so that listener only has to be there. The outage answers
 * (src/productionServer/outage.ts) cover the meantime.
 */
function withPoolErrorsLogged(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return afterConnect(adapter, async (instance) => {
    const pool = (instance as unknown as { pool?: Pool & { bylineListening?: boolean } }).pool
    if (!pool || pool.bylineListening) return
    pool.bylineListening = true
    pool.on('error', (error) => instance.payload.logger.warn(`PostgreSQL closed an idle connection (${error.message}); a new one is opened on the next query`))
    pool.on('connect', (client) => client.on('error', () => undefined))
  })
}

/** The schema settings both SQL adapters share: UUID keys, no push, their dialect's committed migrations. */
function sqlSchema<Migrations>({ dialect, prodMigrations }: { dialect: 'postgres' | 'sqlite'; prodMigrations: Migrations }) {
  return { idType: 'uuid', push: false, migrationDir: path.join(migrationsRoot, dialect), prodMigrations } as const
}

/**
 * One adapter per DATABASE_URL scheme. The SQL adapters use UUID primary keys so that IDs are
 * strings on every database, as they are on MongoDB: application code never branches on the
 * adapter. Schema changes reach SQL databases only through committed migrations (push is off),
 * so no start-up ever stops to ask a question.
 */
export function databaseAdapter(database: DatabaseChoice): DatabaseAdapterObj {
  switch (database.kind) {
    case 'sqlite':
      return withPlannerStatistics(
        sqliteAdapter({
          client: { url: database.url },
          ...sqlSchema({ dialect: 'sqlite', prodMigrations: sqliteMigrations }),
          // Readers and the admin share one file: wait for a writer instead of failing with SQLITE_BUSY.
          busyTimeout: 5000,
          wal: true,
        }),
      )
    case 'postgres':
      return withPoolErrorsLogged(
        postgresAdapter({
          pool: { connectionString: database.url },
          ...sqlSchema({ dialect: 'postgres', prodMigrations: postgresMigrations }),
        }),
      )
    case 'mongodb':
      return mongooseAdapter({ url: database.url })
  }
}
