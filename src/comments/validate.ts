import { isHttpUrl } from '@/lib/httpUrl'

/** What a reader submits, before anything is trusted. */
export type CommentInput = {
  body?: unknown
  authorName?: unknown
  authorEmail?: unknown
  authorUrl?: unknown
}

export type CommentField = 'authorEmail' | 'authorName' | 'authorUrl' | 'body'

export const LIMITS = { body: 5000, authorName: 100, authorEmail: 254, authorUrl: 200 } as const

const messages = {
  bodyMissing: 'Please enter your comment!',
  bodyTooLong: `Your comment can be at most ${LIMITS.body.toLocaleString('en')} characters long.`,
  nameMissing: 'Please enter your name here',
  nameTooLong: `Your name can be at most ${LIMITS.authorName} characters long.`,
  emailInvalid: 'You have entered an incorrect email address!',
  emailTooLong: `Your email address can be at most ${LIMITS.authorEmail} characters long.`,
  urlInvalid: 'Please enter a website address starting with https:// or http://.',
  urlTooLong: `Your website address can be at most ${LIMITS.authorUrl} characters long.`,
} as const

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/

// Control characters but tab and line breaks (C0, DEL, C1): invisible, they let two comments that
// look the same differ (duplicates, blocked words), and some break the XML feeds and emails they
// reach. With the u flag a surrogate range matches only half a pair, which is not a character.
const UNWANTED = /[^\P{Cc}\t\n\r]|[\uD800-\uDFFF]/gu

/** A reader's text with invisible control characters and broken characters taken out. */
export const cleanText = (value: string): string => value.replace(UNWANTED, '')

const text = (value: unknown): string => (typeof value === 'string' ? cleanText(value).trim() : '')

export type CleanInput = { body: string; authorName: string; authorEmail: string; authorUrl: string | null }

/** One rule per field, each answering with the message the reader sees, or true. */
export const fieldRules: Record<CommentField, (value: unknown) => string | true> = {
  body: (value) => {
    const body = text(value)
    if (!body) return messages.bodyMissing
    return body.length > LIMITS.body ? messages.bodyTooLong : true
  },
  authorName: (value) => {
    const name = text(value)
    if (!name) return messages.nameMissing
    return name.length > LIMITS.authorName ? messages.nameTooLong : true
  },
  authorEmail: (value) => {
    const email = text(value)
    if (email.length > LIMITS.authorEmail) return messages.emailTooLong
    return EMAIL.test(email) ? true : messages.emailInvalid
  },
  authorUrl: (value) => {
    const url = text(value)
    if (!url) return true
    if (url.length > LIMITS.authorUrl) return messages.urlTooLong
    return isHttpUrl(url) ? true : messages.urlInvalid
  },
}

/** Every field's problem at once, so the reader fixes the form in one go. */
export function validateComment(input: CommentInput): { ok: true; value: CleanInput } | { ok: false; errors: Partial<Record<CommentField, string>> } {
  const errors: Partial<Record<CommentField, string>> = {}
  for (const field of Object.keys(fieldRules) as CommentField[]) {
    const result = fieldRules[field](input[field])
    if (result !== true) errors[field] = result
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      body: text(input.body),
      authorName: text(input.authorName),
      authorEmail: text(input.authorEmail).toLowerCase(),
      authorUrl: text(input.authorUrl) || null,
    },
  }
}

export const shapeMessages = {
  notAnObject: 'Send the comment as a JSON object of its fields, with Content-Type: application/json.',
  notText: 'This field must be text.',
  notAnId: 'This field must be the id of a document, as text.',
  notBoolean: 'This field must be true or false.',
  wrongTypes: 'Some fields are not of the type a comment takes: see each field.',
} as const

type Shape = 'text' | 'id' | 'boolean'

/** The type each field a reader may send must have; anything else is refused, not coerced. */
const SHAPES: Record<string, Shape> = {
  body: 'text',
  authorName: 'text',
  authorEmail: 'text',
  authorUrl: 'text',
  article: 'id',
  parent: 'id',
  notifyOnReply: 'boolean',
}

const ID = /^[A-Za-z0-9_-]{1,64}$/

const fitsShape = (shape: Shape, value: unknown): boolean => {
  if (shape === 'text') return typeof value === 'string'
  if (shape === 'boolean') return typeof value === 'boolean'
  return (typeof value === 'string' && ID.test(value)) || (typeof value === 'number' && Number.isSafeInteger(value) && value > 0)
}

/**
 * Whether a submission has the shape of a comment: an object whose known fields are text, ids
 * or booleans (null or absent for a field left out). Payload would otherwise coerce a wrong type
 * quietly (an array website to null, `parent: true` to no parent) or pass an object on as a query.
 */
export function checkShape(
  data: unknown,
): { ok: true } | { ok: false; message: string; errors: Partial<Record<string, string>> } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: shapeMessages.notAnObject, errors: {} }
  const errors: Partial<Record<string, string>> = {}
  for (const [field, shape] of Object.entries(SHAPES)) {
    const value = (data as Record<string, unknown>)[field]
    if (value === undefined || value === null || fitsShape(shape, value)) continue
    errors[field] = shape === 'text' ? shapeMessages.notText : shape === 'id' ? shapeMessages.notAnId : shapeMessages.notBoolean
  }
  return Object.keys(errors).length > 0 ? { ok: false, message: shapeMessages.wrongTypes, errors } : { ok: true }
}
