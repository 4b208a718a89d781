import type { CollectionBeforeOperationHook } from 'payload'

import { APIError, ValidationError } from 'payload'

import { checkShape } from '@/comments/validate'

import type { SubmissionContext } from './applySubmissionRules'

/**
 * A new comment from outside the server (REST, GraphQL) or for a reader must be an object of
 * text, ids and booleans. Checked before Payload's field hooks, which would crash on a body that
 * is not an object (a 500 for `text/plain` or the JSON `42`) and quietly coerce wrong types.
 */
export const refuseMalformedSubmission: CollectionBeforeOperationHook = ({ args, operation, req, context }) => {
  if (operation !== 'create') return args
  if (req.payloadAPI === 'local' && !(context as SubmissionContext).commentSubmission) return args
  const shape = checkShape(args.data)
  if (shape.ok) return args
  const errors = Object.entries(shape.errors).map(([path, message]) => ({ path, message: message ?? '' }))
  if (errors.length === 0) throw new APIError(shape.message, 400, undefined, true)
  throw new ValidationError({ collection: 'comments', errors })
}
