import type { Access } from 'payload'

import { ownAuthorIds } from './ownership'
import { EDITORS, hasRole } from './roles'

/** Editors delete any article, writers their own, contributors their own unpublished drafts. */
export const canDeleteArticle: Access = async ({ req }) => {
  if (hasRole(req.user, ...EDITORS)) return true
  const isWriter = hasRole(req.user, 'writer')
  if (!isWriter && !hasRole(req.user, 'contributor')) return false
  const authorIds = await ownAuthorIds({ req })
  if (authorIds.length === 0) return false
  const own = { authors: { in: authorIds } }
  return isWriter ? own : { and: [own, { _status: { equals: 'draft' } }] }
}
