import type { CollectionAfterErrorHook } from 'payload'

const messages = {
  fields: 'Your comment could not be posted. Please check the fields marked below.',
}

type FieldError = { path: string; message: string }

const fieldErrorsOf = (error: Error): FieldError[] => {
  const data = 'data' in error ? (error.data as { errors?: unknown } | undefined) : undefined
  if (!Array.isArray(data?.errors)) return []
  return data.errors.filter(
    (entry): entry is FieldError => typeof entry === 'object' && entry !== null && typeof entry.path === 'string' && typeof entry.message === 'string',
  )
}

/**
 * Payload answers a refused comment with one line naming the fields ("The following fields are
 * invalid: body, authorName"). A script beside the form needs each field's own message:
 * `fields` maps each field to it, and the message says what to do. Payload's `errors` list stays
 * as it was for clients that read it.
 */
export const explainFieldErrors: CollectionAfterErrorHook = ({ error, result, req }) => {
  // A new comment only: a moderator's edit keeps Payload's own wording.
  if (req.method !== 'POST') return
  const errors = fieldErrorsOf(error)
  if (errors.length === 0 || !result) return
  const [first, ...rest] = result.errors
  return {
    response: {
      ...result,
      errors: first ? [{ ...first, message: messages.fields }, ...rest] : result.errors,
      message: messages.fields,
      fields: Object.fromEntries(errors.map(({ path, message }) => [path, message])),
    },
  }
}
