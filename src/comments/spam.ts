import { createHmac, timingSafeEqual } from 'node:crypto'

export { FORM_FIELDS } from './formFields'

/** People take longer than this to read an article and write something. */
const MIN_SECONDS_TO_SUBMIT = 3
/** One comment per this many seconds per IP hash and per email. */
const FLOOD_SECONDS = 15

const sign = ({ value, secret }: { value: string; secret: string }) =>
  createHmac('sha256', `byline-form:${secret}`).update(value).digest('base64url')

/** A timestamp the form renders and the server can trust on the way back: `<ms>.<signature>`. */
export function issueFormToken({ now, secret }: { now: Date; secret: string }): string {
  const value = String(now.getTime())
  return `${value}.${sign({ value, secret })}`
}

/** When the form was rendered, or null for a token this server did not sign. */
export function readFormToken({ token, secret }: { token: string; secret: string }): Date | null {
  const [value, signature] = token.split('.')
  if (!value || !signature || !/^\d+$/.test(value)) return null
  const expected = Buffer.from(sign({ value, secret }))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return new Date(Number(value))
}

export type BotSignals = {
  /** The honeypot's value, when the submission came from our form. */
  honeypot?: unknown
  /** The signed timestamp, when the submission came from our form. */
  issuedAt?: unknown
}

/**
 * Why a submission looks automated, or null. Both traps belong to the reader form; a JSON API
 * client sends neither and is judged by the other rules (flood, duplicates, words, links).
 * A token that is present but forged, or too fresh, counts as a bot.
 */
export function botReason({ signals, now, secret }: { signals: BotSignals; now: Date; secret: string }): string | null {
  if (typeof signals.honeypot === 'string' && signals.honeypot.trim() !== '') return 'honeypot filled in'
  if (signals.issuedAt === undefined || signals.issuedAt === null || signals.issuedAt === '') return null
  const issued = typeof signals.issuedAt === 'string' ? readFormToken({ token: signals.issuedAt, secret }) : null
  if (!issued) return 'form timestamp not signed by this site'
  const seconds = (now.getTime() - issued.getTime()) / 1000
  if (seconds < MIN_SECONDS_TO_SUBMIT) return `submitted ${seconds.toFixed(1)}s after the form was shown`
  return null
}

/** Seconds until this sender may comment again, or 0. */
export function floodWait({ last, now }: { last: Date | null; now: Date }): number {
  if (!last) return 0
  const elapsed = (now.getTime() - last.getTime()) / 1000
  return elapsed >= FLOOD_SECONDS ? 0 : Math.max(1, Math.ceil(FLOOD_SECONDS - elapsed))
}
