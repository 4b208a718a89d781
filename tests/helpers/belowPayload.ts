import type { CollectionSlug, Payload } from 'payload'

/**
 * The one test module that goes below Payload's operations to `payload.db`, the database adapter.
 * ESLint refuses `payload.db` anywhere else in tests/ (the app's own fence is src/db/belowPayload.ts).
 *
 * A test comes here only when what it checks cannot be reached through the Local API, because the
 * Local API's hooks, validation and versioning are what would stand in the way:
 * - to write a row as it was stored before a migration, which no hook may rewrite (a field the
 *   migration fills, a body in the old shape it renames);
 * - to read a row as stored, to show what is not there (a field Payload adds on the way out);
 * - to simulate an outage, by closing the adapter's own connection and opening it again;
 * - to ask which adapter runs, or what SQLite's own tables say about the plans it will choose.
 * Everything else (backdating a timestamp, reading versions) goes through the Local API.
 */

/** What the tests use of the SQL adapters' connection: SQLite's client, PostgreSQL's pool. */
type Connection = {
  client?: { close: () => void; execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
  pool?: { end: () => Promise<void> }
  connect: () => Promise<void>
}

/** The adapter the run uses, by Payload's name for it: 'sqlite', 'postgres', 'mongoose'. */
export const adapterName = (payload: Payload): string => payload.db.name

/**
 * Writes `data` into documents and every version of them below Payload, as rows saved before a
 * migration were stored: no hook rewrites it, no version is added, nothing is validated.
 */
export async function writeAsStoredBefore({ payload, collection, ids, data }: { payload: Payload; collection: CollectionSlug; ids: string[]; data: Record<string, unknown> }): Promise<void> {
  for (const id of ids) await payload.db.updateOne({ collection, id, data, returning: false })
  const { docs } = await payload.db.findVersions({ collection, where: { parent: { in: ids } }, limit: 0, pagination: false })
  // The whole version with the fields replaced: MongoDB's adapter sets `version` as given.
  for (const version of docs) await payload.db.updateVersion({ collection, id: version.id, versionData: { version: { ...version.version, ...data } }, returning: false })
}

/** A document's row as the adapter stores it, without what Payload's read adds or hides. */
export async function findStoredRow({ payload, collection, id }: { payload: Payload; collection: CollectionSlug; id: string }): Promise<Record<string, unknown> | null> {
  return (await payload.db.findOne({ collection, where: { id: { equals: id } } })) as Record<string, unknown> | null
}

/**
 * Closes the process's own database connection, as an outage or a broken handle would: SQLite's
 * client, or PostgreSQL's pool, which then refuses every query at once. Returns how to open it
 * again.
 */
export function closeDatabaseConnection(payload: Payload): () => Promise<void> {
  const db = payload.db as unknown as Connection
  if (db.client) db.client.close()
  // An ended pool's end settles only when the adapter's start-up client (held for its reconnect
  // listener) is released, which is never, so it is not awaited.
  else if (db.pool) db.pool.end().catch((error: unknown) => console.error('closing the test pool', error))
  else throw new Error('closeDatabaseConnection knows SQLite and PostgreSQL only')
  return async () => {
    db.client = undefined
    db.pool = undefined
    await db.connect()
  }
}

/** Runs a statement on SQLite's own client, for what only SQLite's tables and plans can tell. */
export async function querySqlite(payload: Payload, sql: string): Promise<{ rows: Record<string, unknown>[] }> {
  const { client } = payload.db as unknown as Connection
  if (adapterName(payload) !== 'sqlite' || !client) throw new Error('querySqlite needs the SQLite adapter')
  return client.execute(sql)
}
