import fs from 'node:fs'
import path from 'node:path'

import type { DatabaseChoice } from '@/lib/env'

import { ConfigurationError, redact } from '@/lib/env'

const TIMEOUT_MS = 5000

const messages = {
  unreachable: (url: string, reason: string) =>
    `Cannot reach the database at ${redact(url)} (${reason}). Start it, or point DATABASE_URL at one that runs; unset DATABASE_URL to use the embedded SQLite database.`,
  sqliteDir: (dir: string, reason: string) =>
    `Cannot create the SQLite database directory ${dir} (${reason}). Check DATA_DIR or DATABASE_URL.`,
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message
  return String(error)
}

/**
 * Proves the database answers before Payload starts, so that a wrong or stopped database is
 * reported as one line instead of an adapter's stack trace or an endless reconnect loop.
 */
export async function checkDatabaseReachable(database: DatabaseChoice): Promise<void> {
  switch (database.kind) {
    case 'sqlite': {
      const file = database.url.replace(/^file:(\/\/)?/, '').split('?')[0] ?? ''
      const dir = path.dirname(path.resolve(file))
      try {
        fs.mkdirSync(dir, { recursive: true })
      } catch (error) {
        throw new ConfigurationError(messages.sqliteDir(dir, reasonOf(error)))
      }
      return
    }
    case 'postgres': {
      const { default: pg } = await import('pg')
      const client = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: TIMEOUT_MS })
      try {
        await client.connect()
        await client.query('select 1')
      } catch (error) {
        // A missing database is fine: the server answered, and Payload creates the database.
        if ((error as { code?: string }).code === '3D000') return
        throw new ConfigurationError(messages.unreachable(database.url, reasonOf(error)))
      } finally {
        await client.end().catch(() => undefined) // the connection may never have opened
      }
      return
    }
    case 'mongodb': {
      const { default: mongoose } = await import('mongoose')
      const connection = mongoose.createConnection(database.url, { serverSelectionTimeoutMS: TIMEOUT_MS })
      try {
        await connection.asPromise()
      } catch (error) {
        throw new ConfigurationError(messages.unreachable(database.url, reasonOf(error)))
      } finally {
        await connection.close().catch(() => undefined) // the connection may never have opened
      }
    }
  }
}
