import type { CollectionBeforeOperationHook } from 'payload'

/**
 * `POST /api/comments` answers with the new comment as stored: its article as an id. Payload's
 * default depth (2) would load the whole article, its images, authors and cast into every reader's
 * submission answer, which no commenter uses and which cost more than the submission's own rules.
 * A client that wants them asks with `?depth=`; the Local API's callers say what they need.
 */
export const skipPopulateOnCreate: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' || req.payloadAPI === 'local' || args.depth !== undefined) return args
  return { ...args, depth: 0 }
}
