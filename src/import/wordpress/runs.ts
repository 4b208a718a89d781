/**
 * Imports started from the admin screen, run in the background by the server that received the
 * upload while the screen polls for progress. A run's state lives in Payload's key-value store
 * (`payload.kv`, the database's `payload-kv` table, which no API can read): with several
 * instances behind a load balancer, the poll may reach any of them, and a second admin's upload
 * on another instance sees the run in progress. The uploaded export waits in a temporary file on
 * the running server, removed when the run ends.
 */
import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'
import fs from 'node:fs'

import type { ImportProgress } from './importer'
import type { ImportReportJson, ReportEntry } from './report'

import { importWordPress } from './importer'
import { WxrError } from './wxr'

export type ImportRun = {
  id: string
  state: 'running' | 'done' | 'failed'
  dryRun: boolean
  startedAt: string
  finishedAt: string | null
  progress: ImportProgress
  report: (ImportReportJson & { notes: ReportEntry[]; text: string }) | null
  /** Why the run stopped (bad input, an unexpected error), in one line. */
  error: string | null
}

/** What is stored: the run, and when its server last said it was still at work. */
type StoredRun = ImportRun & { heartbeatAt: string }

const PREFIX = 'wordpress-import:'
/** Finished runs kept for the screen to show; older ones are forgotten. */
const KEEP_FINISHED = 10
/** The running server writes the run at least this often, and at most once a second with progress. */
const HEARTBEAT_MS = 15_000
/** A running run not written for this long lost its server (a restart, a crash). */
const STALE_AFTER_MS = 4 * HEARTBEAT_MS

const messages = {
  lost: 'The server running this import stopped before it finished. Start it again: what was imported is kept, and a second run adds nothing twice.',
  unexpected: 'The import stopped on an unexpected error; the server log has the details.',
}

const keyOf = (id: string) => `${PREFIX}${id}`

/** A running run whose server stopped writing it is reported as failed. */
function asSeen(stored: StoredRun, now = Date.now()): ImportRun {
  const { heartbeatAt, ...run } = stored
  if (run.state === 'running' && now - Date.parse(heartbeatAt) > STALE_AFTER_MS) return { ...run, state: 'failed', finishedAt: heartbeatAt, error: messages.lost }
  return run
}

async function storedRuns(payload: Payload): Promise<StoredRun[]> {
  const keys = (await payload.kv.keys()).filter((key) => key.startsWith(PREFIX))
  const runs = await Promise.all(keys.map((key) => payload.kv.get<StoredRun>(key)))
  return runs.filter((run): run is StoredRun => run !== null).sort((a, b) => a.startedAt.localeCompare(b.startedAt))
}

export async function activeRun(payload: Payload): Promise<ImportRun | null> {
  return (await storedRuns(payload)).map((run) => asSeen(run)).find((run) => run.state === 'running') ?? null
}

export async function findRun(payload: Payload, id: string): Promise<ImportRun | null> {
  const stored = await payload.kv.get<StoredRun>(keyOf(id))
  return stored ? asSeen(stored) : null
}

async function forgetOldRuns(payload: Payload): Promise<void> {
  const finished = (await storedRuns(payload)).filter((run) => asSeen(run).state !== 'running')
  for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) await payload.kv.delete(keyOf(old.id))
}

export async function startRun({ payload, file, dryRun }: { payload: Payload; file: string; dryRun: boolean }): Promise<ImportRun> {
  const run: ImportRun = {
    id: randomUUID(),
    state: 'running',
    dryRun,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    progress: { phase: 'scanning', done: 0, total: 0 },
    report: null,
    error: null,
  }
  // Writes go one after another, so a slow write never lands after a later one.
  let writes = Promise.resolve()
  let lastWrite = 0
  const save = () => {
    lastWrite = Date.now()
    const snapshot: StoredRun = { ...run, heartbeatAt: new Date(lastWrite).toISOString() }
    writes = writes.then(() => payload.kv.set(keyOf(run.id), snapshot)).catch((error: unknown) => payload.logger.warn({ err: error, msg: 'Could not record the WordPress import’s progress' }))
    return writes
  }
  await save()
  await forgetOldRuns(payload)
  const heartbeat = setInterval(() => void save(), HEARTBEAT_MS)
  heartbeat.unref()

  const onProgress = (progress: ImportProgress) => {
    run.progress = progress
    if (Date.now() - lastWrite >= 1000) void save()
  }
  void importWordPress({ payload, file, dryRun, publicMediaOnly: true, onProgress })
    .then((report) => {
      run.report = { ...report.toJSON(), notes: report.notes, text: report.toText({ dryRun }) }
      run.state = 'done'
    })
    .catch((error: unknown) => {
      run.state = 'failed'
      run.error = error instanceof WxrError ? error.message : messages.unexpected
      if (!(error instanceof WxrError)) payload.logger.error({ err: error, msg: 'WordPress import failed' })
    })
    .finally(() => {
      clearInterval(heartbeat)
      run.finishedAt = new Date().toISOString()
      void save()
      fs.rm(file, { force: true }, () => undefined)
    })
  return run
}
