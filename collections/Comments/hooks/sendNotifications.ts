import type { CollectionAfterChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

import { noticesFor, recipientsFor } from '@/comments/notify'
import { payloadNoticeDeps } from '@/comments/payloadDeps'
import { commentEmails } from '@/email/commentEmails'

/** Set by bulk system writes (the demo seed sets `seeding`) that must not email anyone. */
export type NotificationContext = { seeding?: boolean; disableNotifications?: boolean }

/**
 * Emails moderators about a held comment, authors about a published one, and a commenter who
 * asked about a published reply to them (src/comments/notify.ts decides who). The lookups are
 * quick reads in the request; the sending is not awaited, so a slow or broken mail server never
 * holds up or fails the reader's or the moderator's request: failures are logged.
 */
export const sendNotifications: CollectionAfterChangeHook<Comment> = async ({ doc, previousDoc, operation, req, context }) => {
  const { seeding, disableNotifications } = context as NotificationContext
  if (seeding || disableNotifications) return doc
  const notices = noticesFor({ operation, status: doc.status, previousStatus: previousDoc?.status ?? null })
  if (notices.length === 0) return doc

  const { payload } = req
  try {
    const deps = payloadNoticeDeps(req)
    const comment = await deps.comment(doc.id)
    const article = comment ? await deps.article(comment.articleId) : null
    if (!comment || !article) return doc
    const { parent, ...recipients } = await recipientsFor({ comment, notices, deps })
    const emails = commentEmails({
      comment,
      article,
      parent,
      recipients,
      links: { origin: payload.config.serverURL, adminRoute: payload.config.routes.admin },
    })
    for (const email of emails) {
      payload.sendEmail(email).catch((error: unknown) => {
        payload.logger.error({ err: error, msg: 'comment notification not sent', comment: doc.id, to: email.to, subject: email.subject })
      })
    }
  } catch (error) {
    payload.logger.error({ err: error, msg: 'comment notifications not prepared', comment: doc.id })
  }
  return doc
}
