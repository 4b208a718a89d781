'use client'

import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

export type EmptyDraftRow = { id: string; collection: 'articles' | 'pages'; kind: string; createdAt: string; updatedAt: string; by: string; href: string }

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/** The empty drafts with a checkbox each and one button that deletes the chosen ones. */
export function EmptyDraftsList({ rows, olderThanMinutes, apiURL }: { rows: EmptyDraftRow[]; olderThanMinutes: number; apiURL: string }) {
  const router = useRouter()
  const [chosen, setChosen] = useState<string[]>(() => rows.map((row) => row.id))
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState('')

  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]))
  const allChosen = rows.length > 0 && chosen.length === rows.length

  async function deleteChosen() {
    setBusy(true)
    let deleted = 0
    let kept = 0
    const failures: string[] = []
    for (const collection of ['articles', 'pages'] as const) {
      const ids = rows.filter((row) => row.collection === collection && chosen.includes(row.id)).map((row) => row.id)
      if (ids.length === 0) continue
      const response = await fetch(`${apiURL}/${collection}/empty-drafts/delete?olderThanMinutes=${olderThanMinutes}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ids }),
      })
      const body = await response.json().catch(() => null)
      if (!response.ok) {
        failures.push(body?.errors?.[0]?.message ?? `The server answered ${response.status}.`)
        continue
      }
      deleted += body.deleted.length
      kept += body.kept.length
    }
    const parts = [`Deleted ${plural(deleted, 'empty draft', 'empty drafts')}.`]
    if (kept > 0) parts.push(`Kept ${plural(kept, 'draft', 'drafts')} that someone has written in since.`)
    setOutcome([...parts, ...failures].join(' '))
    setChosen([])
    setBusy(false)
    router.refresh()
  }

  return (
    <div className="empty-drafts__list">
      <p role="status" aria-live="polite">
        {outcome}
      </p>
      {rows.length === 0 ? (
        <p>No empty drafts: nothing to clear.</p>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Choose all empty drafts"
                    checked={allChosen}
                    onChange={() => setChosen(allChosen ? [] : rows.map((row) => row.id))}
                  />
                </th>
                <th scope="col">Kind</th>
                <th scope="col">Created</th>
                <th scope="col">Last saved</th>
                <th scope="col">Saved by</th>
                <th scope="col">Draft</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="empty-draft-row" data-id={row.id}>
                  <td>
                    <input type="checkbox" aria-label={`Choose the ${row.kind.toLowerCase()} created ${row.createdAt}`} checked={chosen.includes(row.id)} onChange={() => toggle(row.id)} />
                  </td>
                  <td>{row.kind}</td>
                  <td>{row.createdAt}</td>
                  <td>{row.updatedAt}</td>
                  <td>{row.by}</td>
                  <td>
                    <a href={row.href}>Open</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button buttonStyle="primary" disabled={busy || chosen.length === 0} onClick={() => void deleteChosen()}>
            {`Delete ${plural(chosen.length, 'empty draft', 'empty drafts')}`}
          </Button>
        </>
      )}
    </div>
  )
}
