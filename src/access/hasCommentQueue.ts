import { COMMENT_READERS, hasRole } from './roles'

/**
 * Who has a moderation queue: those who moderate, and writers following the discussion on their
 * own articles (read-only; what they see is decided by the comments' read access). The same
 * accounts see the Comments collection in the admin.
 */
export const hasCommentQueue = (user: Parameters<typeof hasRole>[0]): boolean => hasRole(user, ...COMMENT_READERS)
