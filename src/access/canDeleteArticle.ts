import type { Access } from 'payload'

import { ownAuthorIds } from './ownership'
import { BYLINE_ONLY, EDITORS, hasRole } from './roles'

/** Editors delete any article, writers their own, contributors their own unpublished drafts. */
export const canDeleteArticle: Access = async ({ req }) => {
  if (hasRole(req.user, ...EDITORS)) return true
  if (!hasRole(req.user, ...BYLINE_ONLY)) return false
  const isWriter = hasRole(req.user, 'writer')
  const authorIds = await ownAuthorIds({ req })
  if (authorIds.length === 0) return false
  const own = { authors: { in: authorIds } }
  return isWriter ? own : { and: [own, { _status: { equals: 'draft' } }] }
}
