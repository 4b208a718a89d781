import { COMMENT_READERS, CONTRIBUTORS, hasRole } from '@/access/roles'

type MaybeUser = Parameters<typeof hasRole>[0]

/**
 * Who has a moderation queue: those who moderate, and writers following the discussion on their
 * own articles (read-only; what they see is decided by the comments' read access). The same
 * accounts see the Comments collection in the admin.
 */
export const hasCommentQueue = (user: MaybeUser) => hasRole(user, ...COMMENT_READERS)

/** Accounts that only moderate start their day in the queue rather than on the dashboard. */
export const landsOnQueue = (user: MaybeUser) => hasRole(user, 'moderator') && !hasRole(user, ...CONTRIBUTORS)

/** The queue's path under the admin route. */
export const QUEUE_PATH = '/moderation'
