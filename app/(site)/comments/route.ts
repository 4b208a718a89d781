import type { NextRequest } from 'next/server'

import { NextResponse } from 'next/server'

import type { FormPage } from '@/comments/formPage'

import { formPageHtml } from '@/comments/formPage'
import { isSameSite } from '@/comments/origin'
import { COMMENT_COOKIES, formValues, sentForm, submitCommentForm } from '@/comments/form'
import { readServerUrl } from '@/lib/env'
import { getPayloadClient } from '@/lib/payload'

const ARTICLE_PATH = /^\/[a-z0-9-]+\/[a-z0-9-]+$/
const YEAR = 365 * 86_400
/** Long enough for a database to come back after a restart or a failover, short for a reader. */
const RETRY_AFTER_SECONDS = 10
const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded']

const messages = {
  crossSite: 'This comment was sent from another site’s page, so it was not posted. Please comment from the article itself.',
  notAForm: 'This address takes the comment form of an article, sent as form data.',
  unreadableForm: 'Your comment could not be read (the form data was incomplete or damaged). Please go back and send it again.',
  unavailable: 'We could not save your comment just now. Nothing was posted; your text is below, please try again in a moment.',
}

/**
 * Back to the article on this site, by path: the browser resolves it against the address it
 * posted to. An absolute URL built from request.url would name the app server's own host
 * (localhost:3000 behind a proxy), not the one the reader is on.
 */
const seeOther = (path: string) => new NextResponse(null, { status: 303, headers: { Location: path } })

/** A refusal as the reader's client takes it: the form page, or JSON for the page's own script. */
function refusal({ wantsJson, page, retryAfter }: { wantsJson: boolean; page: FormPage; retryAfter?: number }): NextResponse {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
  if (retryAfter) headers['Retry-After'] = String(retryAfter)
  if (wantsJson) return NextResponse.json({ ok: false, message: page.message, errors: page.errors }, { status: page.status, headers })
  return new NextResponse(formPageHtml(page), { status: page.status, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } })
}

/**
 * The reader form's target. With JavaScript the form asks for JSON and updates in place; without
 * it a posted comment redirects back to it on the article, and a refused one is answered with the
 * form itself: the reason, each field's message and everything the reader typed, and the time the
 * article first showed the form, so correcting a mistake is never mistaken for a bot.
 */
export async function POST(request: NextRequest) {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json')
  const sameSite = isSameSite({
    origin: request.headers.get('origin'),
    fetchSite: request.headers.get('sec-fetch-site'),
    host: request.headers.get('host'),
    siteOrigin: readServerUrl(),
  })
  if (!sameSite) return refusal({ wantsJson, page: { status: 403, message: messages.crossSite, errors: {}, sent: null, articlePath: null } })

  const [contentType = ''] = (request.headers.get('content-type') ?? '').split(';', 1)
  if (!FORM_TYPES.includes(contentType.trim().toLowerCase())) {
    return refusal({ wantsJson, page: { status: 400, message: messages.notAForm, errors: {}, sent: null, articlePath: null } })
  }
  let form: FormData
  try {
    form = await request.formData()
  } catch (error) {
    // The reader's browser or a proxy cut the body short; there is nothing of theirs to give back.
    console.warn('comment form: unreadable body', error instanceof Error ? error.message : error)
    return refusal({ wantsJson, page: { status: 400, message: messages.unreadableForm, errors: {}, sent: null, articlePath: null } })
  }

  const back = String(form.get('return') ?? '')
  const articlePath = ARTICLE_PATH.test(back) ? back : null
  const sent = sentForm(form)
  const pendingCookie = request.cookies.get(COMMENT_COOKIES.pending)?.value
  let result: Awaited<ReturnType<typeof submitCommentForm>>
  try {
    result = await submitCommentForm({ form, headers: request.headers, pendingCookie })
  } catch (error) {
    // Not the reader's doing (the database is unreachable, a bug): they keep their text and retry.
    await logFailure(error)
    return refusal({ wantsJson, page: { status: 503, message: messages.unavailable, errors: {}, sent, articlePath }, retryAfter: RETRY_AFTER_SECONDS })
  }
  if (!result.ok) {
    return refusal({ wantsJson, page: { status: result.status, message: result.message, errors: result.errors, sent, articlePath }, retryAfter: result.retryAfter })
  }

  const response = wantsJson
    ? NextResponse.json({ ok: true, id: result.id, status: result.status }, { status: 201 })
    : seeOther(`${articlePath ?? '/'}#comment-${result.id}`)
  const secure = readServerUrl().startsWith('https:')
  response.cookies.set(COMMENT_COOKIES.pending, result.pendingCookie, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 30 * 86_400 })
  if (form.get('remember') === 'yes') {
    const values = formValues(form)
    const commenter = { authorName: values.authorName, authorEmail: values.authorEmail, authorUrl: values.authorUrl }
    response.cookies.set(COMMENT_COOKIES.commenter, Buffer.from(JSON.stringify(commenter)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: YEAR,
    })
  } else {
    response.cookies.delete(COMMENT_COOKIES.commenter)
  }
  return response
}

/** Into Payload's log when Payload is there to log with; the console when it is what failed. */
async function logFailure(error: unknown) {
  try {
    const payload = await getPayloadClient()
    payload.logger.error({ err: error, msg: 'comment form: submission failed' })
  } catch (loggerError) {
    console.error('comment form: submission failed', error, loggerError)
  }
}
