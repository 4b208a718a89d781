/**
 * The import's writes below Payload, fenced here. A newsroom's export holds ten comments and two
 * old addresses per post; through the Local API each of them costs a full create (hooks, a
 * re-read, its own statement), which made comments alone take most of an hour for 100,000.
 * These rows are written many to a statement with the SQL adapter's own `insert`, inside the
 * item's transaction.
 *
 * The contract, for every caller:
 * - rows are checked first by the same rules the collections apply (comments: src/comments/validate;
 *   redirects: src/redirects/paths), and are only ever new rows (updates go through the Local API);
 * - no hooks run: the import wants none of them (no notification emails, no per-row cache expiry;
 *   it expires the cache once at the end), and sets what the hooks would (the IP hash, dates);
 * - ids are UUIDs, as the SQL adapters are configured to use (src/db/adapter.ts);
 * - on MongoDB, or any adapter without `insert`, `bulkWriter` returns null and the importer uses
 *   the Local API instead.
 */
import type { Payload, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import { adapterOf } from '@/db/belowPayload'
import { normalizeSource, sourceProblem } from '@/redirects/paths'

type SqlAdapter = {
  name: string
  tables: Record<string, unknown>
  sessions: Record<string, { db: unknown } | undefined>
  drizzle: unknown
  insert: (args: { db: unknown; tableName: string; values: Record<string, unknown>[] }) => Promise<unknown[]>
  client?: { execute: (statement: string) => Promise<unknown> }
}

const isSqlAdapter = (db: unknown): db is SqlAdapter =>
  typeof db === 'object' && db !== null && 'insert' in db && typeof (db as SqlAdapter).insert === 'function' && 'tables' in db && 'sessions' in db

export type CommentRow = {
  id: string
  article: string
  parent: string | null
  authorName: string
  authorEmail: string
  authorUrl: string | null
  body: string
  status: string
  ipHash: string | null
  createdAt: string
}
export type SourceRowInsert = { key: string; site: string; kind: string; sourceId: string; target: string; documentId: string; checksum: string }
export type RedirectRow = { from: string; to: { relationTo: 'articles' | 'pages'; value: string } | { url: string } }

/** Rows per statement: well under SQLite's bound-parameter limit (32,766) and PostgreSQL's (65,535). */
const ROWS_PER_STATEMENT = 500
/** The import's SQLite page cache (the default is 2 MB). */
const SQLITE_CACHE_KB = 48 * 1024
/** Items per commit on the command line's SQLite connection. */
const ITEMS_PER_COMMIT = 100

export function bulkWriter(payload: Payload) {
  const adapter = adapterOf(payload)
  if (!isSqlAdapter(adapter)) return null
  const sql = adapter
  const dbOf = async (req: PayloadRequest) => (req.transactionID ? sql.sessions[String(await req.transactionID)]?.db : undefined) ?? sql.drizzle
  const insert = async (req: PayloadRequest, tableName: string, values: Record<string, unknown>[]) => {
    const db = await dbOf(req)
    for (let start = 0; start < values.length; start += ROWS_PER_STATEMENT) {
      await sql.insert({ db, tableName, values: values.slice(start, start + ROWS_PER_STATEMENT) })
    }
  }
  const now = () => new Date().toISOString()
  let inSqliteTransaction = false
  let batch: { open: boolean; items: number } | null = null

  return {
    /** A fresh id for a row written here, known before the insert so replies can name their parent. */
    newId: () => randomUUID(),

    async comments(req: PayloadRequest, rows: CommentRow[]) {
      if (rows.length === 0) return
      const stamp = now()
      await insert(
        req,
        'comments',
        rows.map((row) => ({ ...row, notifyOnReply: false, spamReason: null, userAgent: null, updatedAt: stamp })),
      )
    },

    async sources(req: PayloadRequest, rows: (SourceRowInsert & { id: string })[]) {
      if (rows.length === 0) return
      const stamp = now()
      await insert(req, 'import_sources', rows.map((row) => ({ ...row, createdAt: stamp, updatedAt: stamp })))
    },

    /**
     * A new article as Payload's create writes it, without the Local API's costs per document
     * (access, validation, field hooks, and a re-read of the document and of its version, about
     * 25 ms of the 40 an imported post took). The collection's own beforeChange hooks still run,
     * so the search text, the review state, the images used and the publication date are what a
     * save would make; the importer supplies every other field, defaults included, and has
     * checked it (a free slug, lengths cut to the fields' limits, links already made safe). Then the
     * document and its first version go through the adapter's `create` and `createVersion`.
     */
    async article(req: PayloadRequest, data: Record<string, unknown>): Promise<Record<string, unknown>> {
      const config = payload.collections.articles.config
      const id = randomUUID()
      const stamp = now()
      let doc: Record<string, unknown> = { ...data, lastEditedBy: null, createdAt: stamp, updatedAt: stamp }
      for (const hook of config.hooks.beforeChange ?? []) {
        doc = ((await hook({ collection: config, context: req.context, data: doc, operation: 'create', originalDoc: undefined, req })) as Record<string, unknown> | undefined) ?? doc
      }
      await adapter.create({ collection: 'articles', customID: id, data: doc, req, returning: false })
      await adapter.createVersion({ collectionSlug: 'articles', parent: id, versionData: { ...doc, id }, autosave: false, createdAt: stamp, updatedAt: stamp, req, returning: false })
      return { ...doc, id }
    },

    /** Redirects with their reference, as plugin-redirects stores them (`redirects` and `redirects_rels`). Returns the sources refused. */
    async redirects(req: PayloadRequest, rows: RedirectRow[]): Promise<{ from: string; reason: string }[]> {
      const refused: { from: string; reason: string }[] = []
      const redirects: Record<string, unknown>[] = []
      const rels: Record<string, unknown>[] = []
      const stamp = now()
      for (const row of rows) {
        const from = normalizeSource(row.from)
        const problem = sourceProblem(from)
        if (problem || !from) {
          refused.push({ from: row.from, reason: problem ?? 'not an address' })
          continue
        }
        const id = randomUUID()
        const reference = 'relationTo' in row.to ? row.to : null
        redirects.push({ id, from, to_type: reference ? 'reference' : 'custom', to_url: reference ? null : (row.to as { url: string }).url, type: '301', createdAt: stamp, updatedAt: stamp })
        if (reference) rels.push({ order: null, parent: id, path: 'to.reference', articlesID: reference.relationTo === 'articles' ? reference.value : null, pagesID: reference.relationTo === 'pages' ? reference.value : null })
      }
      await insert(req, 'redirects', redirects)
      await insert(req, 'redirects_rels', rels)
      return refused
    },

    /**
     * For the command line's own SQLite connection: in WAL mode, NORMAL skips the disk flush at
     * every commit (the database stays consistent; a power cut may lose the last commits, which
     * a rerun of the idempotent import writes again). A larger page cache keeps the indexes'
     * pages in memory: ids are random UUIDs, so every insert lands on a different index page.
     */
    async relaxSqliteSync() {
      if (sql.name !== 'sqlite' || !sql.client) return
      await sql.client.execute('PRAGMA synchronous = NORMAL')
      await sql.client.execute(`PRAGMA cache_size = -${SQLITE_CACHE_KB}`)
    },

    /**
     * Payload runs SQLite without transactions (its adapter begins none unless configured to),
     * so an item that failed halfway would leave half of it written. On the command line's own
     * connection, where the import is the only writer and writes one item at a time, its
     * statements are made one transaction here. Elsewhere (PostgreSQL, or inside the server,
     * whose connection other requests share) `work` runs as it is.
     *
     * Inside `startBatch` an item is a savepoint of a transaction that commits every
     * `ITEMS_PER_COMMIT` items: a commit cost 1.7 ms, more than most items' own writes. A failed
     * item still rolls back alone; a crash loses at most the batch, which a rerun writes again.
     */
    async sqliteTransaction<T>(work: () => Promise<T>): Promise<T> {
      const client = sql.name === 'sqlite' ? sql.client : undefined
      if (!client || inSqliteTransaction) return work()
      if (batch && !batch.open) {
        await client.execute('BEGIN IMMEDIATE')
        batch.open = true
        batch.items = 0
      }
      await client.execute(batch ? 'SAVEPOINT import_item' : 'BEGIN IMMEDIATE')
      inSqliteTransaction = true
      try {
        const result = await work()
        await client.execute(batch ? 'RELEASE import_item' : 'COMMIT')
        if (batch && (batch.items += 1) >= ITEMS_PER_COMMIT) {
          await client.execute('COMMIT')
          batch.open = false
        }
        return result
      } catch (error) {
        if (batch) {
          await client.execute('ROLLBACK TO import_item')
          await client.execute('RELEASE import_item')
        } else {
          await client.execute('ROLLBACK')
        }
        throw error
      } finally {
        inSqliteTransaction = false
      }
    },

    /** Groups the items that follow into shared commits (see sqliteTransaction), until `finish`. */
    startBatch() {
      const client = sql.name === 'sqlite' ? sql.client : undefined
      if (!client) return { finish: async () => undefined }
      batch = { open: false, items: 0 }
      return {
        async finish() {
          const open = batch?.open
          batch = null
          if (open) await client.execute('COMMIT')
        },
      }
    },
  }
}
