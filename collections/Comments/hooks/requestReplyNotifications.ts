import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

import type { SubmissionContext } from './applySubmissionRules'

import { MODERATORS, hasRole } from '@/access/roles'

/** Set for the afterChange notices: this new comment's author asked about replies and must confirm first. */
export type ReplyNotificationContext = { replyNotificationsRequested?: boolean }

/**
 * Double opt-in for reply notifications (src/comments/replyNotifications.ts). A reader's "email me
 * about replies" arrives on the new comment's data, from the form or the REST API, with an address
 * nobody has checked: it is stored as not subscribed, and sendNotifications mails that address one
 * confirmation link instead. Moderators, and server code writing comments as the system, keep what
 * they set. Runs after applySubmissionRules, which decides who counts as a reader in the same way.
 */
export const requestReplyNotifications: CollectionBeforeChangeHook<Comment> = ({ data, operation, req, context }) => {
  if (operation !== 'create') return data
  const submission = (context as SubmissionContext).commentSubmission
  if (req.payloadAPI === 'local' && !submission) return data
  if (hasRole(req.user, ...MODERATORS)) return data
  ;(context as ReplyNotificationContext).replyNotificationsRequested = data.notifyOnReply === true
  return { ...data, notifyOnReply: false }
}
