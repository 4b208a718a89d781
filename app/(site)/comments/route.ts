import { randomBytes } from 'node:crypto'
import type { NextRequest } from 'next/server'

import { NextResponse } from 'next/server'

import { COMMENT_COOKIES, formValues, submitCommentForm } from '@/lib/commentForm'

const ARTICLE_PATH = /^\/[a-z0-9-]+\/[a-z0-9-]+$/
const YEAR = 365 * 86_400
const secure = process.env.NODE_ENV === 'production' && (process.env.NEXT_PUBLIC_SERVER_URL ?? '').startsWith('https:')

/**
 * Back to the article on this site, by path: the browser resolves it against the address it
 * posted to. An absolute URL built from request.url would name the app server's own host
 * (localhost:3000 behind a proxy), not the one the reader is on.
 */
const seeOther = (path: string) => new NextResponse(null, { status: 303, headers: { Location: path } })

/**
 * The reader form's target. With JavaScript the form asks for JSON and updates in place; without
 * it this answers the plain POST with a redirect back to the article: to the new comment, or to
 * the form with the message and what was typed (in a short-lived cookie, never in the URL).
 */
export async function POST(request: NextRequest) {
  const form = await request.formData()
  const back = String(form.get('return') ?? '')
  const articlePath = ARTICLE_PATH.test(back) ? back : '/'
  const pendingCookie = request.cookies.get(COMMENT_COOKIES.pending)?.value
  const result = await submitCommentForm({ form, headers: request.headers, pendingCookie })
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json')

  const values = formValues(form)
  let response: NextResponse
  if (wantsJson) {
    response = NextResponse.json(result.ok ? { ok: true, id: result.id, status: result.status } : result, { status: result.ok ? 201 : 400 })
  } else if (result.ok) {
    response = seeOther(`${articlePath}#comment-${result.id}`)
  } else {
    const nonce = randomBytes(6).toString('hex')
    const reply = values.parent ? `&replytocom=${encodeURIComponent(values.parent)}` : ''
    response = seeOther(`${articlePath}?comment=${nonce}${reply}#respond`)
    const flash = { nonce, message: result.message, errors: result.errors, values }
    response.cookies.set(COMMENT_COOKIES.flash, Buffer.from(JSON.stringify(flash)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: articlePath,
      maxAge: 120,
    })
  }
  if (result.ok) {
    response.cookies.set(COMMENT_COOKIES.pending, result.pendingCookie, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 30 * 86_400 })
    if (form.get('remember') === 'yes') {
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
  }
  return response
}
