import type { Access } from 'payload'

import { keepsOwnByline, ownAuthorIds } from './ownership'
import { BYLINE_ONLY, EDITORS, hasRole } from './roles'

/**
 * Editors edit, publish and unpublish any article. Writers do all of that to their own articles;
 * contributors edit their own drafts and can neither publish nor touch what is already published.
 * Refusing `_status: 'published'` here also hides the admin's Publish button from contributors.
 */
export const canUpdateArticle: Access = async ({ req, data }) => {
  if (hasRole(req.user, ...EDITORS)) return true
  if (!hasRole(req.user, ...BYLINE_ONLY)) return false
  const isWriter = hasRole(req.user, 'writer')
  if (data?._status === 'published' && !isWriter) return false
  const authorIds = await ownAuthorIds({ req })
  if (authorIds.length === 0 || !keepsOwnByline({ data, authorIds })) return false
  const own = { authors: { in: authorIds } }
  return isWriter ? own : { and: [own, { _status: { equals: 'draft' } }] }
}
