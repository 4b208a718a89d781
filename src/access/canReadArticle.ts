import type { Access } from 'payload'

import { ownAuthorIds } from './ownership'
import { WRITERS, hasRole } from './roles'

/** What everybody may read: published articles. Reader reads that skip Payload's access checks (the article page, search) filter with this. */
export const PUBLIC_ARTICLES = { _status: { equals: 'published' } } as const
const published = PUBLIC_ARTICLES

/**
 * Editors and writers follow the whole newsroom's work in progress; a contributor (often a
 * freelancer) sees their own drafts besides what is published; moderators and readers see
 * published articles only.
 */
export const canReadArticle: Access = async ({ req }) => {
  if (hasRole(req.user, ...WRITERS)) return true
  if (hasRole(req.user, 'contributor')) {
    const authorIds = await ownAuthorIds({ req })
    if (authorIds.length === 0) return published
    return { or: [published, { authors: { in: authorIds } }] }
  }
  return published
}
