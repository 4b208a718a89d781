import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'

import type { DatabaseChoice } from '@/lib/env'

import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'

const migrationsRoot = path.resolve(process.cwd(), 'src/migrations')

/**
 * One adapter per DATABASE_URL scheme. The SQL adapters use UUID primary keys so that IDs are
 * strings on every database, as they are on MongoDB: application code never branches on the
 * adapter. Schema changes reach SQL databases only through committed migrations (push is off),
 * so no start-up ever stops to ask a question.
 */
export function databaseAdapter(database: DatabaseChoice): DatabaseAdapterObj {
  switch (database.kind) {
    case 'sqlite':
      return sqliteAdapter({
        client: { url: database.url },
        idType: 'uuid',
        push: false,
        migrationDir: path.join(migrationsRoot, 'sqlite'),
        prodMigrations: sqliteMigrations,
        // Readers and the admin share one file: wait for a writer instead of failing with SQLITE_BUSY.
        busyTimeout: 5000,
        wal: true,
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: database.url },
        idType: 'uuid',
        push: false,
        migrationDir: path.join(migrationsRoot, 'postgres'),
        prodMigrations: postgresMigrations,
      })
    case 'mongodb':
      return mongooseAdapter({ url: database.url })
  }
}
