import type { CollectionAfterChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

import type { ReplyNotificationContext } from './requestReplyNotifications'

import { noticesFor, recipientsFor } from '@/comments/notify'
import { noticeCommentFrom, payloadNoticeDeps } from '@/comments/stores'
import { replyNotificationLink } from '@/comments/replyNotifications'
import { commentEmails } from '@/comments/emails'
import { notificationsDisabled } from '@/email/notificationContext'
import { afterResponse } from '@/lib/afterResponse'

/**
 * Emails moderators about a held comment, authors about a published one, a commenter who asked
 * about a published reply to them, and a reader who has just asked for reply emails the link that
 * confirms their address (src/comments/notify.ts decides who). All of it (the lookups and the
 * sending) runs after the response has gone, so the reader's or moderator's request neither waits
 * for it nor fails with it: failures are logged.
 */
export const sendNotifications: CollectionAfterChangeHook<Comment> = async ({ data, doc, previousDoc, operation, req, context }) => {
  // Set by requestReplyNotifications for this very create; taken, so a later write in the same request does not inherit it.
  const replyContext = context as ReplyNotificationContext
  const replyNotificationsRequested = operation === 'create' && replyContext.replyNotificationsRequested === true
  delete replyContext.replyNotificationsRequested
  if (notificationsDisabled(context)) return doc
  const notices = noticesFor({ operation, status: doc.status, previousStatus: previousDoc?.status ?? null, replyNotificationsRequested })
  if (notices.length === 0) return doc

  const { payload } = req
  const notify = async () => {
    try {
      const deps = payloadNoticeDeps(req)
      // A new comment's private fields are in the data it was created from; a changed one is read back.
      const comment = (operation === 'create' ? noticeCommentFrom({ id: doc.id, data }) : null) ?? (await deps.comment(doc.id))
      const article = comment ? await deps.article(comment.articleId) : null
      if (!comment || !article) return
      const { parent, ...recipients } = await recipientsFor({ comment, notices, deps })
      const emails = commentEmails({
        comment,
        article,
        parent,
        recipients,
        links: {
          origin: payload.config.serverURL,
          adminRoute: payload.config.routes.admin,
          replyNotification: (link) => replyNotificationLink({ ...link, origin: payload.config.serverURL, secret: payload.secret }),
        },
      })
      for (const email of emails) {
        payload.sendEmail(email).catch((error: unknown) => {
          payload.logger.error({ err: error, msg: 'comment notification not sent', comment: doc.id, to: email.to, subject: email.subject })
        })
      }
    } catch (error) {
      payload.logger.error({ err: error, msg: 'comment notifications not prepared', comment: doc.id })
    }
  }
  await afterResponse(notify)
  return doc
}
