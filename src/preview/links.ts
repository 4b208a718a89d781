import { signPreviewToken } from './token'

/** The route that opens a preview (app/(site)/preview/route.ts) and the one that leaves it. */
const PREVIEW_ROUTE = '/preview'
export const EXIT_PREVIEW_ROUTE = '/preview/exit'

/** Names the article being previewed; its value is a preview token, so it is signed and expires. */
export const PREVIEW_COOKIE = 'byline-preview'

type LinkArgs = {
  serverURL: string
  secret: string
  articleId: string
  ttlMs: number
  /**
   * Rounds the expiry up to a multiple of this, so the link stays the same for that long. Live
   * preview asks for its URL on every autosave, and a new URL would reload the preview each time.
   */
  stepMs?: number
  now?: number
}

/** A signed link that opens the draft of one article in the real article page, until it expires. */
export function previewLink({ serverURL, secret, articleId, ttlMs, stepMs = 1, now = Date.now() }: LinkArgs): { url: string; expiresAt: string } {
  const expiresAt = Math.ceil((now + ttlMs) / stepMs) * stepMs
  const url = new URL(PREVIEW_ROUTE, `${serverURL}/`)
  url.searchParams.set('token', signPreviewToken({ secret, articleId, expiresAt }))
  return { url: url.toString(), expiresAt: new Date(expiresAt).toISOString() }
}
