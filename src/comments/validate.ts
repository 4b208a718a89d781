/** What a reader submits, before anything is trusted. */
export type CommentInput = {
  body?: unknown
  authorName?: unknown
  authorEmail?: unknown
  authorUrl?: unknown
}

export type CommentField = 'authorEmail' | 'authorName' | 'authorUrl' | 'body'

export const LIMITS = { body: 5000, authorName: 100, authorEmail: 254, authorUrl: 200 } as const

export const messages = {
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

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

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

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const { protocol } = new URL(value)
  return protocol === 'https:' || protocol === 'http:'
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
