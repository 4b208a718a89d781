'use client'

import { useEffect, useId, useRef, useState } from 'react'

type Props = {
  id: string
  label: string
  hint?: string
  initial: string
  submitLabel: string
  busy: boolean
  /** Answers null when done, or the message to show beside the text. */
  onSubmit: (text: string) => Promise<string | null>
  onCancel: () => void
}

/**
 * A text area in a queue row, for a reply or a quick edit: it takes the focus when it opens,
 * Escape or Cancel closes it and gives the focus back to the button that opened it, and a refusal
 * (too long, too many links) stays beside the text, announced, with the text kept.
 */
export function InlineEditor({ id, label, hint, initial, submitLabel, busy, onSubmit, onCancel }: Props) {
  const [text, setText] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const area = useRef<HTMLTextAreaElement>(null)
  const opener = useRef<Element | null>(null)
  const hintId = useId()
  const errorId = useId()

  useEffect(() => {
    opener.current = document.activeElement
    area.current?.focus()
    return () => {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus()
    }
  }, [])

  return (
    <form
      className="moderation__editor"
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit(text).then(setError)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onCancel()
        }
      }}
    >
      <label htmlFor={id} className="moderation__editor-label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="moderation__editor-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        ref={area}
        rows={4}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined}
      />
      <p id={errorId} className="moderation__editor-error" role="alert">
        {error}
      </p>
      <div className="moderation__editor-actions">
        <button type="submit" className="moderation__button moderation__button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="moderation__button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
