import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed, expiring preview tokens: "this article's draft may be shown until then". The same
 * format serves the preview link (?token=) and the cookie the preview route sets, signed with
 * Payload's secret, so nothing about a preview is stored anywhere.
 */

/** Live preview in the admin asks for a new link each time the document opens. */
export const LIVE_PREVIEW_TTL_MS = 60 * 60 * 1000
/** A copied link is for sending to a colleague: it lasts a working day. */
export const SHARED_LINK_TTL_MS = 24 * 60 * 60 * 1000

type Claims = { articleId: string; expiresAt: number }

const PURPOSE = 'byline-preview'
const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url')
const signature = (secret: string, body: string) => createHmac('sha256', secret).update(`${PURPOSE}:${body}`).digest('base64url')

export function signPreviewToken({ secret, articleId, expiresAt }: Claims & { secret: string }): string {
  const body = encode(JSON.stringify({ a: articleId, e: expiresAt }))
  return `${body}.${signature(secret, body)}`
}

type TokenCheck = { ok: true; articleId: string; expiresAt: number } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

export function verifyPreviewToken({ secret, token, now = Date.now() }: { secret: string; token: string | null | undefined; now?: number }): TokenCheck {
  const [body, mac, extra] = (token ?? '').split('.')
  if (!body || !mac || extra !== undefined) return { ok: false, reason: 'malformed' }
  const expected = Buffer.from(signature(secret, body))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' }
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' } // signed by us, so unreachable unless the format changes
  }
  const { a, e } = (claims ?? {}) as { a?: unknown; e?: unknown }
  if (typeof a !== 'string' || typeof e !== 'number') return { ok: false, reason: 'malformed' }
  if (e <= now) return { ok: false, reason: 'expired' }
  return { ok: true, articleId: a, expiresAt: e }
}
