import type { Access } from 'payload'

import { keepsOwnByline, ownAuthorIds } from './ownership'
import { BYLINE_ONLY, EDITORS, hasRole } from './roles'

/**
 * Editors create anything. Writers and contributors create articles under their own byline
 * (so they can go on editing them), and contributors only as drafts: publishing is an editor's
 * call. Without data (the admin asking what to show) the answer is just the role's.
 */
export const canCreateArticle: Access = async ({ req, data }) => {
  if (hasRole(req.user, ...EDITORS)) return true
  if (!hasRole(req.user, ...BYLINE_ONLY)) return false
  if (data?._status === 'published' && !hasRole(req.user, 'writer')) return false
  return keepsOwnByline({ data, authorIds: await ownAuthorIds({ req }) })
}
