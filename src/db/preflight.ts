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
  sqliteFile: (file: string, reason: string) => `Cannot open the SQLite database ${file} (${reason}). Check its owner and permissions, or DATA_DIR / DATABASE_URL.`,
  sqliteDamaged: (file: string, reason: string) =>
    `${file} is not a usable SQLite database (${reason}). Restore it from a backup, or move it aside to start with an empty database.`,
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message
  return String(error)
}

/** SQLite's own words for a file that is not a database, or a damaged one. */
const DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT'])

/**
 * Opens the SQLite file and reads its schema, which fails at once on a file that is not a
 * database: Payload's adapter would print the driver's stack trace instead of one line.
 */
async function checkSqliteReadable(file: string): Promise<void> {
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${file}` })
  try {
    await client.execute('SELECT count(*) FROM sqlite_master')
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    const reason = error instanceof Error ? error.message.split(':').slice(-1)[0]?.trim() || code : code
    if (DAMAGED.has(code)) throw new ConfigurationError(messages.sqliteDamaged(file, reason))
    throw new ConfigurationError(messages.sqliteFile(file, reason))
  } finally {
    client.close()
  }
}

/**
 * Proves the database answers before Payload starts, so that a wrong or stopped database is
 * reported as one line instead of an adapter's stack trace or an endless reconnect loop.
 */
export async function checkDatabaseReachable(database: DatabaseChoice): Promise<void> {
  switch (database.kind) {
    case 'sqlite': {
      const file = path.resolve(database.url.replace(/^file:(\/\/)?/, '').split('?')[0] ?? '')
      const dir = path.dirname(file)
      try {
        // The file holds password hashes: a directory of its own for the owner only (when we make it).
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
      } catch (error) {
        throw new ConfigurationError(messages.sqliteDir(dir, reasonOf(error)))
      }
      try {
        // Created empty for the owner alone before SQLite opens it; SQLite gives its -wal and -shm
        // files the database file's permissions.
        fs.closeSync(fs.openSync(file, 'wx', 0o600))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new ConfigurationError(messages.sqliteFile(file, reasonOf(error)))
      }
      await checkSqliteReadable(file)
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
