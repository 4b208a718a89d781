import type { Payload } from 'payload'

import { inTransaction } from './belowPayload'

/**
 * Whether the database answers, asked by the production server (src/productionServer/pagePipeline.ts) when Next or
 * Payload has just failed a request: a failure while the database is unreachable is an outage
 * (503, try again), any other is a bug (500). The server and the application bundled by Next load
 * separate copies of every module, so, as with the purge target (src/cache/purgeSignal.ts), they meet
 * on a global that the application registers at boot (instrumentation.ts).
 */
export type DatabaseProbe = () => Promise<{ up: true } | { up: false; reason: string }>

const KEY = Symbol.for('byline.databaseProbe')

type WithProbe = { [KEY]?: DatabaseProbe }

/**
 * Adapter-agnostic: opening a transaction needs a fresh connection on every SQL adapter (a pool
 * connection on PostgreSQL, a new handle on the SQLite file), and a count reads through Payload as
 * any page does. Either failing means readers' pages and writes fail too.
 */
async function probeDatabase(payload: Payload): Promise<void> {
  await inTransaction(payload, async () => undefined)
  await payload.count({ collection: 'categories', overrideAccess: true })
}

export function registerDatabaseProbe(getPayload: () => Promise<Payload>): void {
  ;(globalThis as WithProbe)[KEY] = async () => {
    try {
      await probeDatabase(await getPayload())
      return { up: true }
    } catch (error) {
      // The answer is the point: the server reports it in one line and answers 503.
      return { up: false, reason: error instanceof Error ? error.message : String(error) }
    }
  }
}

/** The registered probe, or null under `next start` / `next dev` or before the application has booted. */
export function readDatabaseProbe(): DatabaseProbe | null {
  return (globalThis as WithProbe)[KEY] ?? null
}
