import type { NextRequest } from 'next/server'

import { cookies, draftMode } from 'next/headers'
import { NextResponse } from 'next/server'

import { PREVIEW_COOKIE } from '@/preview/links'

const ARTICLE_PATH = /^\/[a-z0-9-]+\/[a-z0-9-]+$/

/** Leaves a preview: draft mode off, the preview cookie gone, back to the article as readers see it. */
export async function GET(request: NextRequest) {
  const to = request.nextUrl.searchParams.get('to') ?? '/'
  ;(await draftMode()).disable()
  ;(await cookies()).delete(PREVIEW_COOKIE)
  // By path: request.url names the app server's own host, not the one the reader is on behind a proxy.
  return new NextResponse(null, { status: 303, headers: { Location: ARTICLE_PATH.test(to) ? to : '/' } })
}
