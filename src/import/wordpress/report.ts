import type { ReportType } from './map'

import { REPORT_TYPES } from './map'

export type ReportEntry = { type: string; id: string; reason: string }

/** The report's JSON shape, as the issue defines it: counts per type, then what was skipped or failed. */
export type ImportReportJson = {
  created: Record<ReportType, number>
  updated: Record<ReportType, number>
  skipped: ReportEntry[]
  failed: ReportEntry[]
}

const zeroes = () => Object.fromEntries(REPORT_TYPES.map((type) => [type, 0])) as Record<ReportType, number>

/**
 * What a run did. Besides the JSON counts it keeps `unchanged` (found and skipped because the
 * source had not changed) and `notes` (things done on the user's behalf: a slug given a suffix,
 * extra categories filed as tags, content kept as text), shown in the text report.
 */
export class ImportReport {
  created = zeroes()
  updated = zeroes()
  unchanged = zeroes()
  skipped: ReportEntry[] = []
  failed: ReportEntry[] = []
  notes: ReportEntry[] = []

  count(outcome: 'created' | 'updated' | 'unchanged', type: ReportType) {
    this[outcome][type] += 1
  }
  skip(type: string, id: string, reason: string) {
    this.skipped.push({ type, id, reason })
  }
  fail(type: string, id: string, reason: string) {
    this.failed.push({ type, id, reason })
  }
  note(type: string, id: string, reason: string) {
    this.notes.push({ type, id, reason })
  }

  toJSON(): ImportReportJson {
    return { created: this.created, updated: this.updated, skipped: this.skipped, failed: this.failed }
  }

  /** The text report: one line per type, then each skipped, failed and noted item. */
  toText({ dryRun = false }: { dryRun?: boolean } = {}): string {
    const lines = [dryRun ? 'WordPress import (dry run: nothing was written)' : 'WordPress import']
    for (const type of REPORT_TYPES) {
      lines.push(`  ${type.padEnd(11)} ${String(this.created[type]).padStart(7)} created ${String(this.updated[type]).padStart(7)} updated ${String(this.unchanged[type]).padStart(7)} unchanged`)
    }
    const section = (title: string, entries: ReportEntry[]) => {
      if (entries.length === 0) return
      lines.push(`${title} (${entries.length}):`)
      for (const entry of entries) lines.push(`  ${entry.type} ${entry.id}: ${entry.reason}`)
    }
    section('Skipped', this.skipped)
    section('Notes', this.notes)
    section('Failed', this.failed)
    lines.push(this.failed.length === 0 ? 'Nothing failed.' : `${this.failed.length} item(s) failed: see above.`)
    return lines.join('\n')
  }
}
