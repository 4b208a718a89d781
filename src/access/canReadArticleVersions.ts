import type { Access } from 'payload'

import { ownAuthorIds } from './ownership'
import { WRITERS, hasRole } from './roles'

/**
 * Revision history holds every draft ever saved, so it follows `canReadArticle` for the newsroom,
 * with the query on the versions' `version.` fields; moderators and readers get none of it
 * (Payload's default would show it to any logged-in account).
 */
export const canReadArticleVersions: Access = async ({ req }) => {
  if (hasRole(req.user, ...WRITERS)) return true
  if (!hasRole(req.user, 'contributor')) return false
  const authorIds = await ownAuthorIds({ req })
  return authorIds.length > 0 && { 'version.authors': { in: authorIds } }
}
