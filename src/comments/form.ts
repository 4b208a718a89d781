import 'server-only'

import type { SentForm } from '@/comments/formPage'
import type { CommentField } from '@/comments/validate'

import { storedDiscussion } from '@/comments/stores'
import { addPendingId, readPendingIds } from '@/comments/pendingCookie'
import { toSettings } from '@/comments/settings'
import { FORM_FIELDS, issueFormToken } from '@/comments/spam'
import { isClosed } from '@/comments/submit'

import type { CommentView } from './thread'

import { getPayloadClient } from '../lib/payload'
import { safeHref } from '../lib/urls'

import { COMMENT_COOKIES } from './cookies'
import { relationId } from '@/lib/relationId'

export { COMMENT_COOKIES }

type FormValues = { body: string; authorName: string; authorEmail: string; authorUrl: string; parent: string; notifyOnReply: string }

/** A refusal carries the status the reader gets, and how long to wait when a clock can tell. */
type SubmitResult =
  | { ok: true; id: string; status: string; pendingCookie: string }
  | { ok: false; status: number; message: string; errors: Partial<Record<CommentField | 'parent' | 'article', string>>; retryAfter?: number }

const messages = {
  rejected: 'Your comment could not be posted. Please check the fields marked below.',
}

const field = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

export const formValues = (form: FormData): FormValues => ({
  body: field(form, 'body'),
  authorName: field(form, 'authorName'),
  authorEmail: field(form, 'authorEmail'),
  authorUrl: field(form, 'authorUrl'),
  parent: field(form, 'parent'),
  // The checkbox's value ("yes") when ticked, so a rejected form comes back as it was sent.
  notifyOnReply: field(form, 'notifyOnReply'),
})

/** Everything the form page gives back to a reader whose comment was refused. */
export const sentForm = (form: FormData): SentForm => {
  const values = formValues(form)
  return {
    ...values,
    notifyOnReply: values.notifyOnReply === 'yes',
    remember: field(form, 'remember') === 'yes',
    article: field(form, 'article'),
    issued: field(form, FORM_FIELDS.issuedAt),
  }
}

/**
 * A reader's form submission, through the same collection hooks as `POST /api/comments`: the
 * Local API call says it submits for a reader, so the rules in src/comments apply in full.
 * Refusals the reader can act on come back as messages; anything else is a real failure and throws.
 */
export async function submitCommentForm({
  form,
  headers,
  pendingCookie,
}: {
  form: FormData
  headers: Headers
  pendingCookie: string | undefined
}): Promise<SubmitResult> {
  const payload = await getPayloadClient()
  const values = formValues(form)
  try {
    const doc = await payload.create({
      collection: 'comments',
      overrideAccess: false,
      depth: 0,
      req: { headers },
      context: { commentSubmission: { signals: { honeypot: form.get(FORM_FIELDS.honeypot), issuedAt: form.get(FORM_FIELDS.issuedAt) } } },
      data: {
        article: field(form, 'article'),
        parent: values.parent || undefined,
        authorName: values.authorName,
        authorEmail: values.authorEmail,
        authorUrl: values.authorUrl || undefined,
        body: values.body,
        notifyOnReply: values.notifyOnReply === 'yes',
        // Required by the generated type; field access drops it for readers and the rules decide.
        status: 'pending',
      },
    })
    return { ok: true, id: doc.id, status: doc.status, pendingCookie: addPendingId({ cookie: pendingCookie, id: doc.id, secret: payload.secret }) }
  } catch (error) {
    if (!isRefusal(error)) throw error
    const retryAfter = typeof error.data?.retryAfter === 'number' ? error.data.retryAfter : undefined
    const fieldErrors = error.data?.errors ?? []
    if (fieldErrors.length > 0) {
      return { ok: false, status: error.status, message: messages.rejected, errors: Object.fromEntries(fieldErrors.map((e) => [e.path, e.message])) }
    }
    return { ok: false, status: error.status, message: error.message, errors: {}, ...(retryAfter ? { retryAfter } : {}) }
  }
}

type Refusal = Error & { status: number; data?: { errors?: { path: string; message: string }[]; retryAfter?: unknown } }

/**
 * A refusal the reader can act on: Payload's APIError family with a 4xx status. Checked by shape,
 * not instanceof: Next bundles Payload once per layer (route handlers, pages), and the Payload
 * instance running the hooks may come from the other layer's copy, whose classes differ.
 */
function isRefusal(error: unknown): error is Refusal {
  if (!(error instanceof Error) || !('status' in error) || typeof error.status !== 'number') return false
  return error.status >= 400 && error.status < 500
}

type ReplyContext = {
  closed: boolean
  threadDepth: number
  /** Top-level comments (each with its replies) per page of the thread. */
  commentsPerPage: number
  formToken: string
  /** This browser's own comments on the article that are still held. */
  pending: (CommentView & { parentId: string | null })[]
}

/**
 * What the article page's comment form needs. The discussion global is staff-only; this reads it
 * as the system and passes on only the thread depth and whether the article is closed.
 */
export async function getReplyContext({
  article,
  pendingCookie,
}: {
  article: { id: string; commentsOpen: boolean; publishedAt: string | null }
  pendingCookie: string | undefined
}): Promise<ReplyContext> {
  const payload = await getPayloadClient()
  const settings = toSettings(await storedDiscussion(payload))
  const now = new Date()
  const closed = isClosed({
    article: { ...article, published: true, publishedAt: article.publishedAt ? new Date(article.publishedAt) : null },
    settings,
    now,
  })
  const ids = readPendingIds({ cookie: pendingCookie, secret: payload.secret })
  // Signed ids of this browser's own submissions: reading them as the system shows a reader their
  // held comment, and the status filter keeps spam and trash out.
  const { docs } =
    ids.length === 0
      ? { docs: [] }
      : await payload.find({
          collection: 'comments',
          overrideAccess: true,
          depth: 0,
          pagination: false,
          sort: 'createdAt',
          where: { and: [{ id: { in: ids } }, { article: { equals: article.id } }, { status: { equals: 'pending' } }] },
          select: { authorName: true, authorUrl: true, body: true, parent: true, createdAt: true },
        })
  return {
    closed,
    threadDepth: settings.threadDepth,
    commentsPerPage: settings.commentsPerPage,
    formToken: issueFormToken({ now, secret: payload.secret }),
    pending: docs.map((doc) => ({
      id: doc.id,
      authorName: doc.authorName,
      authorUrl: safeHref(doc.authorUrl),
      body: doc.body,
      createdAt: doc.createdAt,
      replies: [],
      parentId: relationId(doc.parent),
    })),
  }
}

type SavedCommenter = { authorName: string; authorEmail: string; authorUrl: string }

const decode = (value: string | undefined): unknown => {
  if (!value) return null
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
  } catch {
    return null // a cookie we cannot read is one we did not write: ignore it, as browsers do
  }
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')

/** The comment cookies for the article page: the reader's held comments and their saved details. */
export function readCommentCookies({ get }: { get: (name: string) => string | undefined }) {
  const saved = decode(get(COMMENT_COOKIES.commenter)) as Partial<SavedCommenter> | null
  return {
    pendingCookie: get(COMMENT_COOKIES.pending),
    saved: saved ? { authorName: str(saved.authorName), authorEmail: str(saved.authorEmail), authorUrl: str(saved.authorUrl) } : null,
  }
}
