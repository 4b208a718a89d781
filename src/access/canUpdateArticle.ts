import type { Access } from 'payload'

import { keepsOwnByline, ownAuthorIds } from './ownership'
import { EDITORS, hasRole } from './roles'

/**
 * Editors edit, publish and unpublish any article. Writers do all of that to their own articles;
 * contributors edit their own drafts and can neither publish nor touch what is already published.
 * Refusing `_status: 'published'` here also hides the admin's Publish button from contributors.
 */
export const canUpdateArticle: Access = async ({ req, data }) => {
  if (hasRole(req.user, ...EDITORS)) return true
  const isWriter = hasRole(req.user, 'writer')
  if (!isWriter && !hasRole(req.user, 'contributor')) return false
  if (data?._status === 'published' && !isWriter) return false
  const authorIds = await ownAuthorIds({ req })
  if (authorIds.length === 0 || !keepsOwnByline({ data, authorIds })) return false
  const own = { authors: { in: authorIds } }
  return isWriter ? own : { and: [own, { _status: { equals: 'draft' } }] }
}
