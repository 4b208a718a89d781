'use client'

import { useEffect, useState } from 'react'

import type { ImportRun } from '../runs'

type Props = { apiURL: string; maxBytes: number }

const TYPES = ['articles', 'pages', 'authors', 'categories', 'tags', 'comments', 'media', 'redirects'] as const
const POLL_MS = 1000

const messages = {
  noFile: 'Choose the export file first (Tools → Export in WordPress, "All content").',
  tooLarge: (mb: number) => `The file is larger than ${mb} MB. Import it with the command line: npm run import:wordpress -- FILE.xml`,
  network: 'The server could not be reached. Try again.',
}

const errorOf = async (response: Response) => {
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null
  return body?.errors?.[0]?.message ?? `The server answered ${response.status}.`
}

/**
 * Upload, progress, report. The file goes to the server as the request body; the page then asks
 * for the run's progress every second until its report is in.
 */
export function ImportForm({ apiURL, maxBytes }: Props) {
  const [file, setFile] = useState<File | null>(null)
  const [dryRun, setDryRun] = useState(false)
  const [run, setRun] = useState<ImportRun | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  useEffect(() => {
    if (!run || run.state !== 'running') return
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${apiURL}/${run.id}`, { credentials: 'include' })
        if (response.ok) setRun((await response.json()) as ImportRun)
        else setError(await errorOf(response))
      } catch {
        setError(messages.network)
      }
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [apiURL, run])

  const start = async (event: React.FormEvent) => {
    event.preventDefault()
    setError(null)
    if (!file) return setError(messages.noFile)
    if (file.size > maxBytes) return setError(messages.tooLarge(Math.round(maxBytes / 1024 / 1024)))
    setSending(true)
    try {
      const response = await fetch(`${apiURL}?dryRun=${dryRun}`, { method: 'POST', body: file, credentials: 'include', headers: { 'content-type': 'application/xml' } })
      if (response.ok) setRun((await response.json()) as ImportRun)
      else setError(await errorOf(response))
    } catch {
      setError(messages.network)
    } finally {
      setSending(false)
    }
  }

  const running = sending || run?.state === 'running'
  const { progress } = run ?? {}
  return (
    <>
      <p>
        Export your site from WordPress (Tools → Export, “All content”) and upload the file here. Images are fetched from their addresses on the old site; for a large site, or one
        whose images are no longer online, use the command line with <code>--media-from</code>. Running the same file again adds nothing.
      </p>
      <form onSubmit={start}>
        <label>
          WordPress export file (.xml)
          <br />
          <input type="file" name="file" accept=".xml,application/xml,text/xml" disabled={running} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          <input type="checkbox" name="dryRun" checked={dryRun} disabled={running} onChange={(e) => setDryRun(e.target.checked)} /> Dry run: check and report, write nothing
        </label>
        <div>
          <button type="submit" className="btn btn--style-primary btn--size-medium" disabled={running}>
            {running ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="wp-import__error">
          {error}
        </p>
      ) : null}
      {run ? (
        <section aria-live="polite" aria-label="Import progress">
          {run.state === 'running' && progress ? (
            <p>
              {progress.phase}
              {progress.total > 0 ? ` ${progress.done} of ${progress.total}` : ''}…
              <br />
              <progress max={progress.total || undefined} value={progress.total ? progress.done : undefined} />
            </p>
          ) : null}
          {run.state === 'failed' ? (
            <p role="alert" className="wp-import__error">
              {run.error}
            </p>
          ) : null}
          {run.state === 'done' && run.report ? <Report run={run} report={run.report} /> : null}
        </section>
      ) : null}
    </>
  )
}

function Report({ run, report }: { run: ImportRun; report: NonNullable<ImportRun['report']> }) {
  const lists: [string, { type: string; id: string; reason: string }[]][] = [
    ['Failed', report.failed],
    ['Skipped', report.skipped],
    ['Notes', report.notes],
  ]
  return (
    <>
      <h2>{run.dryRun ? 'Dry run finished: nothing was written' : report.failed.length === 0 ? 'Import finished' : `Import finished with ${report.failed.length} failure(s)`}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">{type}</th>
              <td>{report.created[type]}</td>
              <td>{report.updated[type]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lists.map(([title, entries]) =>
        entries.length > 0 ? (
          <details key={title} open={title === 'Failed'}>
            <summary>
              {title} ({entries.length})
            </summary>
            <ul className="wp-import__list">
              {entries.map((entry, index) => (
                <li key={`${entry.type}-${entry.id}-${index}`}>
                  {entry.type} {entry.id}: {entry.reason}
                </li>
              ))}
            </ul>
          </details>
        ) : null,
      )}
    </>
  )
}
