import type { Access } from 'payload'

import { ownArticleIds } from './ownership'
import { MODERATORS, hasRole } from './roles'

/**
 * What everybody may read: approved comments on published articles (an article taken back to
 * draft, or imported as one, keeps its thread out of sight with it). The article page's thread,
 * read without Payload's access checks, filters with this.
 */
export const PUBLIC_COMMENTS = { status: { equals: 'approved' }, 'article._status': { equals: 'published' } } as const
const approved = PUBLIC_COMMENTS

/**
 * Moderators see the whole queue. A writer also sees every comment on their own articles,
 * whatever its status, to follow the discussion (moderating it stays with the moderators).
 * Everyone else sees approved comments on published articles only.
 */
export const canReadComment: Access = async ({ req }) => {
  if (hasRole(req.user, ...MODERATORS)) return true
  if (!hasRole(req.user, 'writer')) return approved
  const articleIds = await ownArticleIds({ req })
  if (articleIds.length === 0) return approved
  return { or: [approved, { article: { in: articleIds } }] }
}
