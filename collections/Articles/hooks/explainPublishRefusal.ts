import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { WRITERS, hasRole } from '@/access/roles'

import { reviewMessages } from '@/articles/review'

/**
 * Access control refuses a contributor's publish with Payload's generic 403 ("You are not allowed
 * to perform this action"). This runs first and says why, and what to do instead. The rule itself
 * stays in the access functions; this only explains it.
 */
export const explainPublishRefusal: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (overrideAccess || (operation !== 'create' && operation !== 'update')) return args
  const status = (args as { data?: { _status?: unknown } }).data?._status
  if (status !== 'published') return args
  const mayPublish = hasRole(req.user, ...WRITERS)
  if (!mayPublish && hasRole(req.user, 'contributor')) throw new APIError(reviewMessages.contributorPublish, 403, null, true)
  return args
}
