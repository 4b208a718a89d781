import { FORM_FIELDS } from './formFields'
import { LIMITS } from './validate'
import { escapeHtml } from '@/lib/escapeHtml'

/** What the reader sent, as text, field by field: everything the form page gives back. */
export type SentForm = {
  body: string
  authorName: string
  authorEmail: string
  authorUrl: string
  notifyOnReply: boolean
  remember: boolean
  article: string
  parent: string
  /** The signed time the article first showed the form, carried over so a quick correction is not "too fast". */
  issued: string
}

export type FormPage = {
  status: number
  message: string
  errors: Partial<Record<string, string>>
  /** Null when the request could not be read at all (nothing to give back). */
  sent: SentForm | null
  /** The article's path on this site, or null when the form did not name one we serve. */
  articlePath: string | null
}


const FIELDS = [
  { name: 'body', id: 'comment', label: 'Comment', required: true },
  { name: 'authorName', id: 'author', label: 'Name', required: true },
  { name: 'authorEmail', id: 'email', label: 'Email', required: true },
  { name: 'authorUrl', id: 'url', label: 'Website', required: false },
] as const

const INPUT = {
  authorName: { type: 'text', autocomplete: 'name', maxLength: LIMITS.authorName },
  authorEmail: { type: 'email', autocomplete: 'email', maxLength: LIMITS.authorEmail },
  authorUrl: { type: 'url', autocomplete: 'url', maxLength: LIMITS.authorUrl },
} as const

const STYLE = `body{font:1.0625rem/1.6 Georgia,serif;color:#1d1d1f;margin:0;padding:2rem 1rem}
main{max-width:42rem;margin:0 auto}label{display:block;font-weight:bold}
input[type=text],input[type=email],input[type=url],textarea{width:100%;box-sizing:border-box;font:inherit;padding:.4rem}
.comment-form__message{border-left:4px solid #b00020;padding:.5rem 1rem;background:#fdecee}
.comment-form__error{display:block;color:#b00020}.comment-form__trap{position:absolute;left:-9999px}
button{font:inherit;padding:.5rem 1.25rem}label.inline{display:inline;font-weight:normal}`

function fieldHtml({ name, id, label, required }: (typeof FIELDS)[number], sent: SentForm, errors: FormPage['errors']): string {
  const error = errors[name]
  const described = error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''
  const common = `id="${id}" name="${name}"${required ? ' required' : ''}${described}`
  // No maxlength on the comment: a body over the limit comes back whole, for the reader to shorten.
  const control =
    name === 'body'
      ? `<textarea ${common} rows="12">${escapeHtml(sent.body)}</textarea>`
      : `<input ${common} type="${INPUT[name].type}" autocomplete="${INPUT[name].autocomplete}" maxlength="${INPUT[name].maxLength}" value="${escapeHtml(sent[name])}">`
  const note = error ? `<span class="comment-form__error" id="${id}-error">${escapeHtml(error)}</span>` : ''
  return `<p class="comment-form__field comment-form__field--${id}"><label for="${id}">${label}${required ? ' *' : ''}</label>${control}${note}</p>`
}

const checkbox = ({ id, name, checked, label }: { id: string; name: string; checked: boolean; label: string }) =>
  `<p><input id="${id}" name="${name}" type="checkbox" value="yes"${checked ? ' checked' : ''}> <label class="inline" for="${id}">${label}</label></p>`

/**
 * The answer to a refused no-JavaScript comment: the form again, with the reason, each field's
 * message beside it and everything the reader typed, however long. Nothing is stored and no
 * cookie carries it, so nothing is lost to a cookie's size limit and nobody else can fill it in.
 * Every value the reader sent is escaped, in text and attributes alike.
 */
export function formPageHtml({ message, errors, sent, articlePath }: FormPage): string {
  // A reply goes back to the article's form in reply mode, as the Reply link left it.
  const reply = sent?.parent ? `?replytocom=${encodeURIComponent(sent.parent)}` : ''
  const back = articlePath ? `<p><a href="${escapeHtml(`${articlePath}${reply}#respond`)}">Back to the article</a></p>` : '<p><a href="/">Back to the front page</a></p>'
  const form = sent
    ? `<form class="comment-form" action="/comments" method="post" novalidate>` +
      `<p class="comment-form__notes">Your email address will not be published. Required fields are marked *</p>` +
      FIELDS.map((field) => fieldHtml(field, sent, errors)).join('') +
      checkbox({ id: 'remember', name: 'remember', checked: sent.remember, label: 'Save my name, email, and website in this browser for the next time I comment.' }) +
      checkbox({ id: 'notify-on-reply', name: 'notifyOnReply', checked: sent.notifyOnReply, label: 'Notify me of follow-up comments by email.' }) +
      `<p class="comment-form__trap" aria-hidden="true"><label for="${FORM_FIELDS.honeypot}">Leave this field empty</label>` +
      `<input id="${FORM_FIELDS.honeypot}" name="${FORM_FIELDS.honeypot}" type="text" tabindex="-1" autocomplete="off" value=""></p>` +
      `<input type="hidden" name="${FORM_FIELDS.issuedAt}" value="${escapeHtml(sent.issued)}">` +
      `<input type="hidden" name="article" value="${escapeHtml(sent.article)}">` +
      `<input type="hidden" name="return" value="${escapeHtml(articlePath ?? '')}">` +
      (sent.parent ? `<input type="hidden" name="parent" value="${escapeHtml(sent.parent)}">` : '') +
      `<p><button type="submit" class="button">Post Comment</button></p></form>`
    : ''
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>Your comment was not posted · Byline</title><style>${STYLE}</style></head>` +
    `<body><main id="respond"><h1>Your comment was not posted</h1>` +
    `<p class="comment-form__message" role="alert">${escapeHtml(message)}</p>${form}${back}</main></body></html>`
  )
}
