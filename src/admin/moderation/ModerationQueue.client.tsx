'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react'

import type { CommentStatus } from '@/comments/statuses'

import { fieldRules } from '@/comments/validate'

import type { Queue, QueueRow } from './queue'

import { ACTIONS, actionsFor, type ActionName, KEYS, saveBody, setStatus } from './actions'
import { hasFilters, queueQuery } from './filters'
import { InlineEditor } from './InlineEditor.client'
import { QueueFilterForm } from './QueueFilterForm.client'
import { deleteForeverAction, emptyFolderAction, replyAction } from './serverActions'
import { FOLDER_NAMES, isFiled, STATUS_LABELS } from '@/comments/statuses'

type Props = Queue & {
  /** Moderators, editors and admins; writers read the queue only. */
  canModerate: boolean
  /** Admins: delete for good, empty Spam and the Trash. */
  canPurge: boolean
  queueHref: string
  /** What the newsroom's replies are signed with (src/comments/newsroom.ts). */
  newsroomName: string
  apiURL: string
  adminRoute: string
}


type Editing = { id: string; mode: 'reply' | 'edit' }

/** The buttons that open the inline editor under a comment, in this order; a filed (spam, trash) comment gets no reply. */
const EDITOR_MODES: { mode: Editing['mode']; label: string; verb: string; modifier: string }[] = [
  { mode: 'reply', label: 'Reply', verb: 'Reply to', modifier: 'reply' },
  { mode: 'edit', label: 'Quick edit', verb: 'Quick edit', modifier: 'quick-edit' },
]

type Refused = { ok: false; message: string }

/** A server action that could not be reached (or failed on the server) answers like a refusal, so the queue never stays busy. */
async function reach<T>(action: () => Promise<T>): Promise<T | Refused> {
  try {
    return await action()
  } catch (error) {
    console.error(error)
    return { ok: false, message: 'the server could not complete it. Check your connection and try again.' }
  }
}

type Outcome = { text: string; error: boolean; undo: { ids: string[]; to: CommentStatus } | null }

const excerpt = (text: string, length = 160) => (text.length > length ? `${text.slice(0, length).trimEnd()}…` : text)
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Letters are shortcuts unless the reader is typing somewhere. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)))

/**
 * The queue itself: status tabs with counts, a search, one card per comment with its article, the
 * comment it answers and why the rules held it, one-click actions, an inline reply and quick edit,
 * bulk actions on the ticked ones, and keyboard shortcuts. Status changes and edits are PATCHes to
 * Payload's REST API with the moderator's session, so the comments' access rules decide; the
 * newsroom's reply and deleting for good are server actions that check the role themselves. The
 * page then refreshes its counts (and the navigation's badge) from the server.
 */
export function ModerationQueue(props: Props) {
  const { status, counts, rows, page, totalPages, filters, canModerate, canPurge, queueHref, apiURL, adminRoute } = props
  const router = useRouter()
  const [refreshing, startRefresh] = useTransition()
  const [busy, setBusy] = useState(false)
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set())
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [current, setCurrent] = useState(0)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [edited, setEdited] = useState<ReadonlyMap<string, string>>(new Map())
  const rowRefs = useRef(new Map<string, HTMLLIElement>())
  const emptyRef = useRef<HTMLParagraphElement>(null)
  const refocus = useRef(false)

  const visible = useMemo(() => rows.filter((row) => !gone.has(row.id)), [rows, gone])
  const available = useMemo(() => (canModerate ? actionsFor(status) : []), [canModerate, status])
  const filed = isFiled(status)
  // Emptying a folder takes everything in it: offered only when the counts are the folder's own, not a search's.
  const searching = hasFilters(filters)
  const chosen = visible.filter((row) => selected.has(row.id))
  const active = visible[Math.min(current, visible.length - 1)]

  const focusRow = useCallback(
    (index: number) => {
      const row = visible[index]
      if (!row) return
      setCurrent(index)
      rowRefs.current.get(row.id)?.focus()
    },
    [visible],
  )

  // After a row leaves the tab, keep the keyboard where it was: on the next comment, or on the
  // "nothing here" line once the tab is empty.
  useEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    if (visible.length === 0) emptyRef.current?.focus()
    else focusRow(Math.min(current, visible.length - 1))
  }, [visible, current, focusRow])

  const run = useCallback(
    async (action: ActionName, targets: QueueRow[]) => {
      if (busy || targets.length === 0) return
      const { to, done } = ACTIONS[action]
      setBusy(true)
      const ids = targets.map((row) => row.id)
      const result = await setStatus({ apiURL, ids, to })
      setBusy(false)
      if (result.changed.length > 0) {
        refocus.current = targets.some((row) => row.id === active?.id)
        setGone((before) => new Set([...before, ...result.changed]))
        setSelected((before) => new Set([...before].filter((id) => !result.changed.includes(id))))
      }
      const [single] = targets
      const who = targets.length === 1 && single ? `The comment by ${single.authorName} was` : `${plural(result.changed.length, 'comment was', 'comments were')}`
      setOutcome(
        result.failed > 0
          ? { text: `Could not ${action} ${plural(result.failed, 'comment', 'comments')}: ${result.message}`, error: true, undo: null }
          : { text: `${who} ${done}.`, error: false, undo: { ids: result.changed, to: status } },
      )
      startRefresh(() => router.refresh())
    },
    [active?.id, apiURL, busy, router, status],
  )

  const undo = useCallback(async () => {
    if (!outcome?.undo || busy) return
    const { ids, to } = outcome.undo
    setBusy(true)
    const result = await setStatus({ apiURL, ids, to })
    setBusy(false)
    setGone((before) => new Set([...before].filter((id) => !result.changed.includes(id))))
    setOutcome(
      result.failed > 0
        ? { text: `Could not undo: ${result.message}`, error: true, undo: null }
        : { text: `Undone: ${plural(result.changed.length, 'comment is', 'comments are')} back in ${STATUS_LABELS[to]}.`, error: false, undo: null },
    )
    startRefresh(() => router.refresh())
  }, [apiURL, busy, outcome, router])

  /** Rows that left this tab for good (deleted, or moved by a reply): gone, and the keyboard stays put. */
  const remove = useCallback(
    (ids: string[]) => {
      refocus.current = ids.includes(active?.id ?? '')
      setGone((before) => new Set([...before, ...ids]))
      setSelected((before) => new Set([...before].filter((id) => !ids.includes(id))))
    },
    [active?.id],
  )

  const reply = useCallback(
    async (row: QueueRow, body: string): Promise<string | null> => {
      setBusy(true)
      const result = await reach(() => replyAction({ commentId: row.id, body }))
      setBusy(false)
      if (!result.ok) return `Not published: ${result.message}`
      setEditing(null)
      if (result.approvedParent && status === 'pending') remove([row.id])
      setOutcome({
        text: `Your reply to ${row.authorName} is published${result.approvedParent ? ', and their comment approved' : ''}.`,
        error: false,
        undo: null,
      })
      startRefresh(() => router.refresh())
      return null
    },
    [remove, router, status],
  )

  const quickEdit = useCallback(
    async (row: QueueRow, body: string): Promise<string | null> => {
      // The field's own rule, said at once in its own words; the API applies it again on save.
      const check = fieldRules.body(body)
      if (check !== true) return check
      setBusy(true)
      const result = await saveBody({ apiURL, id: row.id, body })
      setBusy(false)
      if (!result.ok) return result.message
      setEditing(null)
      setEdited((before) => new Map(before).set(row.id, result.body))
      setOutcome({ text: `The comment by ${row.authorName} was saved.`, error: false, undo: null })
      startRefresh(() => router.refresh())
      return null
    },
    [apiURL, router],
  )

  const purge = useCallback(
    async (targets: QueueRow[]) => {
      if (busy || targets.length === 0) return
      const [single] = targets
      const what = targets.length === 1 && single ? `the comment by ${single.authorName}` : plural(targets.length, 'comment', 'comments')
      if (!window.confirm(`Delete ${what} forever? This cannot be undone.`)) return
      setBusy(true)
      const result = await reach(() => deleteForeverAction({ ids: targets.map((row) => row.id) }))
      setBusy(false)
      if (!result.ok) {
        setOutcome({ text: `Could not delete: ${result.message}`, error: true, undo: null })
        return
      }
      remove(result.deleted)
      setOutcome({ text: `${plural(result.deleted.length, 'comment was', 'comments were')} deleted forever.`, error: false, undo: null })
      startRefresh(() => router.refresh())
    },
    [busy, remove, router],
  )

  const empty = useCallback(async () => {
    if (busy || !isFiled(status)) return
    const folder = FOLDER_NAMES[status]
    if (!window.confirm(`Delete all ${plural(counts[status], 'comment', 'comments')} in ${folder} forever? This cannot be undone.`)) return
    setBusy(true)
    const result = await reach(() => emptyFolderAction({ status }))
    setBusy(false)
    if (!result.ok) {
      setOutcome({ text: `Could not empty ${folder}: ${result.message}`, error: true, undo: null })
      return
    }
    remove(visible.map((row) => row.id))
    setOutcome({ text: `${folder.charAt(0).toUpperCase()}${folder.slice(1)} is empty: ${plural(result.deleted, 'comment was', 'comments were')} deleted forever.`, error: false, undo: null })
    startRefresh(() => router.refresh())
  }, [busy, counts, remove, router, status, visible])

  const toggle = useCallback((id: string) => {
    setSelected((before) => {
      const next = new Set(before)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      const key = event.key.toLowerCase()
      if ((key === 'j' || key === 'k') && active) {
        event.preventDefault()
        // The first press brings the keyboard to the current comment; later ones move it.
        const onRow = rowRefs.current.get(active.id)?.contains(document.activeElement)
        const index = Math.min(current, visible.length - 1)
        focusRow(onRow ? Math.max(0, Math.min(visible.length - 1, index + (key === 'j' ? 1 : -1))) : index)
        return
      }
      if (!canModerate || !active) return
      if (key === 'x') {
        event.preventDefault()
        toggle(active.id)
        return
      }
      if (key === 'z') {
        event.preventDefault()
        void undo()
        return
      }
      const action = KEYS[key]
      if (!action) return
      event.preventDefault()
      if (available.includes(action)) void run(action, [active])
      else setOutcome({ text: `${ACTIONS[action].label} is not available in ${STATUS_LABELS[status]}.`, error: true, undo: null })
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [active, available, canModerate, current, focusRow, run, status, toggle, undo, visible.length])

  const allTicked = visible.length > 0 && chosen.length === visible.length
  const tabHref = (value: CommentStatus) => `${queueHref}?${queueQuery({ status: value, filters })}`
  const pageHref = (to: number) => `${queueHref}?${queueQuery({ status, page: to, filters })}`
  const articleOnlyHref = (articleId: string) => `${queueHref}?${queueQuery({ status, filters: { ...filters, articleTitle: '', article: articleId } })}`

  return (
    <div className="moderation__queue" aria-busy={busy || refreshing}>
      <nav aria-label="Comment status">
        <ul className="moderation__tabs">
          {(Object.keys(STATUS_LABELS) as CommentStatus[]).map((value) => (
            <li key={value}>
              <Link
                href={tabHref(value)}
                className={`moderation__tab${value === status ? ' moderation__tab--current' : ''}`}
                aria-current={value === status ? 'page' : undefined}
                data-status={value}
              >
                {STATUS_LABELS[value]} <span className="moderation__count">{counts[value]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <QueueFilterForm {...props} canSearchEmail={canModerate} />

      {canModerate ? (
        <p className="moderation__keys" id="moderation-keys">
          Keyboard: <kbd>j</kbd>/<kbd>k</kbd> next/previous comment, <kbd>x</kbd> select, <kbd>a</kbd> approve, <kbd>u</kbd> unapprove,{' '}
          <kbd>s</kbd> spam, <kbd>t</kbd> trash, <kbd>r</kbd> restore, <kbd>z</kbd> undo.
        </p>
      ) : (
        <p className="moderation__keys">
          You can read the comments on your own articles here; moderators approve them. Keyboard: <kbd>j</kbd>/<kbd>k</kbd> next/previous comment.
        </p>
      )}

      <div className="moderation__outcome" role="status" aria-live="polite">
        {outcome ? (
          <p className={outcome.error ? 'moderation__outcome-text moderation__outcome-text--error' : 'moderation__outcome-text'}>
            {outcome.text}{' '}
            {outcome.undo ? (
              <button type="button" className="moderation__link-button" onClick={() => void undo()} disabled={busy}>
                Undo
              </button>
            ) : null}
          </p>
        ) : null}
      </div>

      {canModerate && visible.length > 0 ? (
        <div className="moderation__bulk" role="group" aria-label="Bulk actions">
          <label className="moderation__check">
            <input
              type="checkbox"
              checked={allTicked}
              ref={(input) => {
                if (input) input.indeterminate = chosen.length > 0 && !allTicked
              }}
              onChange={() => setSelected(allTicked ? new Set() : new Set(visible.map((row) => row.id)))}
            />
            Select all on this page
          </label>
          <span className="moderation__selected">{plural(chosen.length, 'selected', 'selected')}</span>
          {available.map((action) => (
            <button
              key={action}
              type="button"
              className={`moderation__button moderation__button--${action}`}
              disabled={busy || chosen.length === 0}
              onClick={() => void run(action, chosen)}
            >
              {ACTIONS[action].label} selected
            </button>
          ))}
          {canPurge && filed ? (
            <button type="button" className="moderation__button moderation__button--delete" disabled={busy || chosen.length === 0} onClick={() => void purge(chosen)}>
              Delete selected forever
            </button>
          ) : null}
        </div>
      ) : null}

      {canPurge && filed && !searching && counts[status] > 0 ? (
        <p className="moderation__empty-folder">
          <button type="button" className="moderation__button moderation__button--delete" disabled={busy} onClick={() => void empty()}>
            Empty {STATUS_LABELS[status]}
          </button>{' '}
          <span>deletes all {plural(counts[status], 'comment', 'comments')} here for good.</span>
        </p>
      ) : null}

      {visible.length === 0 ? (
        <p className="moderation__empty" tabIndex={-1} ref={emptyRef}>
          No comments in {STATUS_LABELS[status]}.
        </p>
      ) : (
        <ol className="moderation__list" aria-label={`${STATUS_LABELS[status]} comments`}>
          {visible.map((row, index) => (
            <li
              key={row.id}
              ref={(element) => {
                if (element) rowRefs.current.set(row.id, element)
                else rowRefs.current.delete(row.id)
              }}
              className={`moderation__row${row === active ? ' moderation__row--current' : ''}`}
              tabIndex={row === active ? 0 : -1}
              aria-labelledby={`comment-${row.id}-author`}
              aria-describedby={canModerate ? 'moderation-keys' : undefined}
              data-comment-id={row.id}
              onFocus={() => setCurrent(index)}
            >
              <div className="moderation__row-head">
                {canModerate ? (
                  <input
                    type="checkbox"
                    className="moderation__row-check"
                    checked={selected.has(row.id)}
                    onChange={() => toggle(row.id)}
                    aria-label={`Select the comment by ${row.authorName}`}
                  />
                ) : null}
                <p className="moderation__author" id={`comment-${row.id}-author`}>
                  <strong>{row.authorName}</strong>
                  {row.authorEmail ? (
                    <>
                      {' '}
                      <a href={`mailto:${row.authorEmail}`}>{row.authorEmail}</a>
                    </>
                  ) : null}
                  {row.authorUrl ? (
                    <>
                      {' '}
                      <a href={row.authorUrl} rel="nofollow ugc noopener noreferrer" target="_blank">
                        {row.authorUrl}
                      </a>
                    </>
                  ) : null}
                </p>
                <time className="moderation__date" dateTime={row.createdAt}>
                  {row.createdAtLabel}
                </time>
              </div>
              <p className="moderation__article">
                On{' '}
                {row.article?.path ? (
                  <a href={row.article.path} target="_blank" rel="noopener">
                    {row.article.title}
                    <span className="moderation__sr-only"> (opens in a new tab)</span>
                  </a>
                ) : (
                  <span>{row.article?.title ?? 'an article that is no longer published'}</span>
                )}
                {row.article && filters.article !== row.article.id ? (
                  <>
                    {' '}
                    <Link className="moderation__filter-link" href={articleOnlyHref(row.article.id)}>
                      Only this article<span className="moderation__sr-only">’s comments</span>
                    </Link>
                  </>
                ) : null}
              </p>
              {row.parent ? (
                <blockquote className="moderation__context">
                  <p className="moderation__context-label">
                    In reply to {row.parent.authorName}
                    {row.parent.status === 'approved' ? '' : ` (${STATUS_LABELS[row.parent.status].toLowerCase()})`}:
                  </p>
                  <p>{excerpt(row.parent.body)}</p>
                </blockquote>
              ) : null}
              {row.ruleNote ? (
                <p className={row.ruleNote.verdict === 'spam' ? 'moderation__spam-reason' : 'moderation__held-reason'}>
                  {row.ruleNote.verdict === 'spam' ? 'Filed as spam' : 'Held for moderation'}: <span>{row.ruleNote.reason}</span>
                </p>
              ) : null}
              {editing?.id === row.id && editing.mode === 'edit' ? (
                <InlineEditor
                  id={`edit-${row.id}`}
                  label={`Text of the comment by ${row.authorName}`}
                  initial={edited.get(row.id) ?? row.body}
                  submitLabel="Save"
                  busy={busy}
                  onSubmit={(body) => quickEdit(row, body)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div className="moderation__body">{edited.get(row.id) ?? row.body}</div>
              )}
              {editing?.id === row.id && editing.mode === 'reply' ? (
                <InlineEditor
                  id={`reply-${row.id}`}
                  label={`Reply to ${row.authorName} as ${props.newsroomName}`}
                  hint={
                    row.status === 'pending'
                      ? 'Published at once under this comment, which is approved with it. Readers see it from the newsroom, with a staff badge.'
                      : 'Published at once under this comment. Readers see it from the newsroom, with a staff badge.'
                  }
                  initial=""
                  submitLabel={row.status === 'pending' ? 'Approve and reply' : 'Reply'}
                  busy={busy}
                  onSubmit={(body) => reply(row, body)}
                  onCancel={() => setEditing(null)}
                />
              ) : null}
              <div className="moderation__actions">
                {available.map((action) => (
                  <button
                    key={action}
                    type="button"
                    className={`moderation__button moderation__button--${action}`}
                    disabled={busy}
                    aria-label={`${ACTIONS[action].label} the comment by ${row.authorName}`}
                    onClick={() => void run(action, [row])}
                  >
                    {ACTIONS[action].label}
                  </button>
                ))}
                {canModerate
                  ? EDITOR_MODES.filter(({ mode }) => mode !== 'reply' || !filed).map(({ mode, label, verb, modifier }) => (
                      <button
                        key={mode}
                        type="button"
                        className={`moderation__button moderation__button--${modifier}`}
                        disabled={busy}
                        aria-expanded={editing?.id === row.id && editing.mode === mode}
                        aria-label={`${verb} the comment by ${row.authorName}`}
                        onClick={() => setEditing({ id: row.id, mode })}
                      >
                        {label}
                      </button>
                    ))
                  : null}
                {canPurge && filed ? (
                  <button
                    type="button"
                    className="moderation__button moderation__button--delete"
                    disabled={busy}
                    aria-label={`Delete the comment by ${row.authorName} forever`}
                    onClick={() => void purge([row])}
                  >
                    Delete forever
                  </button>
                ) : null}
                <Link className="moderation__edit" href={`${adminRoute}/collections/comments/${row.id}`} prefetch={false}>
                  {canModerate ? 'Edit' : 'Open'}
                  <span className="moderation__sr-only"> the comment by {row.authorName}</span>
                </Link>
              </div>
            </li>
          ))}
        </ol>
      )}

      {totalPages > 1 ? (
        <nav className="moderation__pages" aria-label="Pages">
          {page > 1 ? <Link href={pageHref(page - 1)}>Newer comments</Link> : null}
          <span>
            Page {page} of {totalPages}
          </span>
          {page < totalPages ? <Link href={pageHref(page + 1)}>Older comments</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}
