'use client'

import type { FormEvent } from 'react'

import { useRef, useState } from 'react'

import type { CommentField } from '@/comments/validate'

import { FORM_FIELDS } from '@/comments/spam'
import { fieldRules } from '@/comments/validate'

/** `notifyOnReply`: the follow-up checkbox as the reader left it (ticked on a rejected form). */
type Values = { body: string; authorName: string; authorEmail: string; authorUrl: string; notifyOnReply?: boolean }
type Errors = Partial<Record<string, string>>
type Posted = { id: string; authorName: string; body: string; status: string }

export type ReplyFormProps = {
  articleId: string
  articlePath: string
  formToken: string
  replyTo: { id: string; authorName: string } | null
  initial: Values
  remember: boolean
  message: string | null
  errors: Errors
}

const FIELDS: { name: CommentField; id: string; label: string }[] = [
  { name: 'body', id: 'comment', label: 'Comment' },
  { name: 'authorName', id: 'author', label: 'Name' },
  { name: 'authorEmail', id: 'email', label: 'Email' },
  { name: 'authorUrl', id: 'url', label: 'Website' },
]

/**
 * "Leave A Reply". A plain form posting to /comments, which works without JavaScript; with it,
 * the same request is sent in the background and the reader's comment appears here at once.
 * The server is the authority; the browser only checks first with the same rules.
 */
export function ReplyForm({ articleId, articlePath, formToken, replyTo, initial, remember, message: initialMessage, errors: initialErrors }: ReplyFormProps) {
  const form = useRef<HTMLFormElement>(null)
  const [errors, setErrors] = useState<Errors>(initialErrors)
  const [message, setMessage] = useState<string | null>(initialMessage)
  const [posted, setPosted] = useState<Posted[]>([])
  const [busy, setBusy] = useState(false)

  const focusFirstError = (found: Errors) => {
    const first = FIELDS.find((f) => found[f.name])
    if (first) form.current?.querySelector<HTMLElement>(`#${first.id}`)?.focus()
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const found: Errors = {}
    for (const { name } of FIELDS) {
      const result = fieldRules[name](data.get(name))
      if (result !== true) found[name] = result
    }
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setMessage(null)
      focusFirstError(found)
      return
    }
    setBusy(true)
    try {
      const response = await fetch('/comments', { method: 'POST', body: data, headers: { accept: 'application/json' } })
      const result = await response.json()
      if (result.ok) {
        setPosted((list) => [...list, { id: result.id, status: result.status, authorName: String(data.get('authorName')), body: String(data.get('body')) }])
        setMessage(null)
        const body = form.current?.querySelector<HTMLTextAreaElement>('#comment')
        if (body) body.value = ''
      } else {
        setErrors(result.errors ?? {})
        setMessage(result.message ?? null)
        focusFirstError(result.errors ?? {})
      }
    } catch (error) {
      setMessage('Your comment could not be sent. Check your connection and try again.')
      console.error(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      {posted.map((comment) => (
        <div key={comment.id} className="comment comment--pending respond__posted" id={`comment-${comment.id}`}>
          <p className="comment__author">{comment.authorName}</p>
          <p className="comment__awaiting">
            {comment.status === 'approved' ? 'Your comment has been published.' : 'Your comment is awaiting moderation.'}
          </p>
          <p className="comment__body">{comment.body}</p>
        </div>
      ))}
      <form ref={form} className="comment-form" action="/comments" method="post" noValidate onSubmit={onSubmit}>
        {replyTo ? (
          <p className="comment-form__replying">
            Replying to {replyTo.authorName}. <a href={`${articlePath}#respond`}>Cancel reply</a>
          </p>
        ) : null}
        <p className="comment-form__notes">Your email address will not be published. Required fields are marked *</p>
        {message ? (
          <p className="comment-form__message" role="alert">
            {message}
          </p>
        ) : null}
        {FIELDS.map(({ name, id, label }) => {
          const error = errors[name]
          const common = {
            id,
            name,
            defaultValue: initial[name],
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? `${id}-error` : undefined,
          }
          return (
            <p key={name} className={`comment-form__field comment-form__field--${id}`}>
              <label htmlFor={id}>
                {label}
                {name === 'authorUrl' ? '' : ' *'}
              </label>
              {name === 'body' ? (
                <textarea {...common} rows={8} maxLength={5000} required />
              ) : (
                <input
                  {...common}
                  type={name === 'authorEmail' ? 'email' : name === 'authorUrl' ? 'url' : 'text'}
                  autoComplete={name === 'authorName' ? 'name' : name === 'authorEmail' ? 'email' : 'url'}
                  maxLength={name === 'authorName' ? 100 : name === 'authorEmail' ? 254 : 200}
                  required={name !== 'authorUrl'}
                />
              )}
              {error ? (
                <span className="comment-form__error" id={`${id}-error`}>
                  {error}
                </span>
              ) : null}
            </p>
          )
        })}
        <p className="comment-form__remember">
          <input id="remember" name="remember" type="checkbox" value="yes" defaultChecked={remember} />
          <label htmlFor="remember">Save my name, email, and website in this browser for the next time I comment.</label>
        </p>
        <p className="comment-form__notify">
          <input id="notify-on-reply" name="notifyOnReply" type="checkbox" value="yes" defaultChecked={initial.notifyOnReply ?? false} />
          <label htmlFor="notify-on-reply">Notify me of follow-up comments by email.</label>
        </p>
        {/* A trap for bots: hidden from people and assistive technology alike. */}
        <p className="comment-form__trap" aria-hidden="true">
          <label htmlFor={FORM_FIELDS.honeypot}>Leave this field empty</label>
          <input id={FORM_FIELDS.honeypot} name={FORM_FIELDS.honeypot} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </p>
        <input type="hidden" name={FORM_FIELDS.issuedAt} value={formToken} />
        <input type="hidden" name="article" value={articleId} />
        <input type="hidden" name="return" value={articlePath} />
        {replyTo ? <input type="hidden" name="parent" value={replyTo.id} /> : null}
        <p>
          <button type="submit" className="button" disabled={busy}>
            Post Comment
          </button>
        </p>
      </form>
    </>
  )
}
