import { createHmac, timingSafeEqual } from 'node:crypto'

/** Newest first, at most this many: enough for a reader's recent comments, small enough for a cookie. */
const MAX_IDS = 20

const sign = ({ value, secret }: { value: string; secret: string }) =>
  createHmac('sha256', `byline-pending:${secret}`).update(value).digest('base64url')

/**
 * The comments this browser submitted that may still be held, as a signed cookie value, so the
 * page can show a reader their own held comments (WordPress does this with a cookie too) and
 * nobody can list other people's by editing the cookie.
 */
function writePendingIds({ ids, secret }: { ids: readonly string[]; secret: string }): string {
  const value = [...new Set(ids)].slice(0, MAX_IDS).join('~')
  return `${value}.${sign({ value, secret })}`
}

export function readPendingIds({ cookie, secret }: { cookie: string | undefined; secret: string }): string[] {
  if (!cookie) return []
  const dot = cookie.lastIndexOf('.')
  if (dot <= 0) return []
  const value = cookie.slice(0, dot)
  const expected = Buffer.from(sign({ value, secret }))
  const given = Buffer.from(cookie.slice(dot + 1))
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return []
  return value.split('~').filter(Boolean)
}

export function addPendingId({ cookie, id, secret }: { cookie: string | undefined; id: string; secret: string }): string {
  return writePendingIds({ ids: [id, ...readPendingIds({ cookie, secret })], secret })
}
