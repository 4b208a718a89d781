import type { CommentField } from '@/comments/validate'

import { FORM_FIELDS } from '@/comments/formFields'

/** `notifyOnReply`: whether the follow-up checkbox starts ticked. */
type Values = { body: string; authorName: string; authorEmail: string; authorUrl: string; notifyOnReply?: boolean }

export type ReplyFormProps = {
  articleId: string
  articlePath: string
  formToken: string
  replyTo: { id: string; authorName: string } | null
  initial: Values
  remember: boolean
}

/** "Sam K." ends the sentence itself: "Replying to Sam K.", never "Sam K..". */
function sentence(name: string): string {
  return /[.!?…]$/u.test(name.trim()) ? name.trim() : `${name.trim()}.`
}

const FIELDS: { name: CommentField; id: string; label: string }[] = [
  { name: 'body', id: 'comment', label: 'Comment' },
  { name: 'authorName', id: 'author', label: 'Name' },
  { name: 'authorEmail', id: 'email', label: 'Email' },
  { name: 'authorUrl', id: 'url', label: 'Website' },
]

/**
 * "Leave A Reply". A plain form posting to /comments, which works without JavaScript: a refused
 * comment is answered with this form again, the reasons beside the fields and what the reader
 * typed kept (src/comments/formPage.ts). With JavaScript
 * (src/reader/enhance.ts, `data-comment-form`) the same request is sent in the background and
 * the reader's comment appears above the form at once, is scrolled into view and takes the focus,
 * and the status line under the button announces it. The server is the only judge.
 */
export function ReplyForm({ articleId, articlePath, formToken, replyTo, initial, remember }: ReplyFormProps) {
  return (
    <form className="comment-form" action="/comments" method="post" noValidate data-comment-form="">
      {replyTo ? (
        <p className="comment-form__replying">
          Replying to {sentence(replyTo.authorName)} <a href={`${articlePath}#respond`}>Cancel reply</a>
        </p>
      ) : null}
      <p className="comment-form__notes">Your email address will not be published. Required fields are marked *</p>
      {FIELDS.map(({ name, id, label }) => {
        const common = { id, name, defaultValue: initial[name] }
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
        <button type="submit" className="button">
          Post Comment
        </button>
      </p>
      {/* Filled by the reader script when a comment is sent; present from the start so that screen
          readers watch it (a live region added with its text is often not announced). */}
      <p className="comment-form__status" role="status" data-comment-status="" />
    </form>
  )
}
