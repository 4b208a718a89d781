import type { NextRequest } from 'next/server'

import { cookies, draftMode } from 'next/headers'
import { NextResponse } from 'next/server'

import { getPayloadClient } from '@/lib/payload'
import { PREVIEW_COOKIE } from '@/preview/links'
import { openPreview } from '@/preview/open'

/**
 * Opens a staff preview: checks the signed link (src/preview), turns on Next's draft mode and
 * sets the cookie naming the previewed article, then sends the browser to the article's URL,
 * where the page shows the draft.
 */
export async function GET(request: NextRequest) {
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: request.headers })
  const result = await openPreview({ payload, user, token: request.nextUrl.searchParams.get('token') })
  if (!result.ok) {
    return new NextResponse(result.message, { status: result.status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
  }
  ;(await draftMode()).enable()
  ;(await cookies()).set(PREVIEW_COOKIE, result.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.nextUrl.protocol === 'https:',
    path: '/',
    expires: result.expiresAt,
  })
  // By path: request.url names the app server's own host, not the one the editor is on behind a proxy.
  return new NextResponse(null, { status: 307, headers: { Location: result.href } })
}
