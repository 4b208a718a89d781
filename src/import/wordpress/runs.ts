/**
 * Imports started from the admin screen: one at a time per server process, run in the
 * background while the screen polls for progress. The uploaded export waits in a temporary
 * file that is removed when the run ends.
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

const runs = new Map<string, ImportRun>()
/** Finished runs kept for the screen to show; older ones are forgotten. */
const KEEP_FINISHED = 10

export const activeRun = () => [...runs.values()].find((run) => run.state === 'running') ?? null
export const findRun = (id: string) => runs.get(id) ?? null

export function startRun({ payload, file, dryRun }: { payload: Payload; file: string; dryRun: boolean }): ImportRun {
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
  runs.set(run.id, run)
  const finished = [...runs.values()].filter((r) => r.state !== 'running')
  for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) runs.delete(old.id)

  void importWordPress({ payload, file, dryRun, publicMediaOnly: true, onProgress: (progress) => (run.progress = progress) })
    .then((report) => {
      run.report = { ...report.toJSON(), notes: report.notes, text: report.toText({ dryRun }) }
      run.state = 'done'
    })
    .catch((error: unknown) => {
      run.state = 'failed'
      run.error = error instanceof WxrError ? error.message : 'The import stopped on an unexpected error; the server log has the details.'
      if (!(error instanceof WxrError)) payload.logger.error({ err: error, msg: 'WordPress import failed' })
    })
    .finally(() => {
      run.finishedAt = new Date().toISOString()
      fs.rm(file, { force: true }, () => undefined)
    })
  return run
}
