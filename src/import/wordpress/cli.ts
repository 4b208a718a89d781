/**
 * `npm run import:wordpress -- FILE.xml [--media-from DIR] [--dry-run] [--json]`: imports a
 * WordPress export into the configured database. The report goes to stdout (one JSON object with
 * --json), progress to stderr. Exit code 1 when anything failed or the input was refused.
 */
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import type { ImportProgress } from './importer'

import { bootPayload, runCommand } from '@/db/bootstrap'

import { WxrError } from './wxr'

const messages = {
  usage: 'Usage: npm run import:wordpress -- FILE.xml [--media-from DIR] [--dry-run] [--json]',
  noFile: (file: string) => `No such file: ${file}`,
  noDir: (dir: string) => `--media-from: no such folder: ${dir}`,
}

/** A refusal before anything was written: printed as its one line. */
class UsageError extends Error {}

function readFlags() {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { 'media-from': { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    })
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${messages.usage}`)
  }
  const [file, ...extra] = parsed.positionals
  if (!file || extra.length > 0) throw new UsageError(messages.usage)
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(messages.noFile(file))
  const mediaFrom = parsed.values['media-from'] ?? null
  if (mediaFrom && (!fs.existsSync(mediaFrom) || !fs.statSync(mediaFrom).isDirectory())) throw new UsageError(messages.noDir(mediaFrom))
  return { file, mediaFrom, dryRun: parsed.values['dry-run'], json: parsed.values.json }
}

/** One line on stderr at most every second, and at each phase's start. */
function progressPrinter() {
  let last = 0
  let phase = ''
  return ({ phase: current, done, total }: ImportProgress) => {
    const now = Date.now()
    if (current === phase && now - last < 1000 && done !== total) return
    last = now
    phase = current
    process.stderr.write(`import: ${current}${total > 0 ? ` ${done}/${total}` : done > 0 ? ` ${done} items` : ''}\n`)
  }
}

async function main() {
  let flags
  try {
    flags = readFlags()
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  // stdout carries the report alone: Payload's log lines go to stderr with the progress.
  const { payload } = await bootPayload({ logTo: process.stderr })
  // Loaded after bootPayload has preloaded Lexical one package at a time (src/lib/preloadLexical.ts):
  // the importer imports @payloadcms/richtext-lexical, whose static import here could stall Node's loader.
  const { importWordPress } = await import('./importer')
  let failed = false
  try {
    const report = await importWordPress({
      payload,
      file: flags.file,
      mediaFrom: flags.mediaFrom,
      dryRun: flags.dryRun,
      ownSqliteConnection: true,
      conversionWorker: fileURLToPath(new URL('./conversionWorker.ts', import.meta.url)),
      onProgress: progressPrinter(),
    })
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(report.toJSON())}\n`)
      for (const note of report.notes) process.stderr.write(`note: ${note.type} ${note.id}: ${note.reason}\n`)
    } else {
      process.stdout.write(`${report.toText({ dryRun: flags.dryRun })}\n`)
    }
    failed = report.failed.length > 0
  } catch (error) {
    if (!(error instanceof WxrError)) throw error
    // Refused input: one line, and nothing was written (the file is read through before any write).
    console.error(error.message)
    failed = true
  } finally {
    await payload.destroy()
  }
  if (failed) process.exit(1)
}

runCommand(main)
