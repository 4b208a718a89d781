import type { CollectionAfterChangeHook } from 'payload'

import { after } from 'next/server'

import type { Comment } from '@/payload-types'

import { noticesFor, recipientsFor } from '@/comments/notify'
import { payloadNoticeDeps } from '@/comments/payloadDeps'
import { commentEmails } from '@/email/commentEmails'

/** Set by bulk system writes (the demo seed sets `seeding`) that must not email anyone. */
export type NotificationContext = { seeding?: boolean; disableNotifications?: boolean }

/**
 * Emails moderators about a held comment, authors about a published one, and a commenter who
 * asked about a published reply to them (src/comments/notify.ts decides who). All of it (the
 * lookups and the sending) runs after the response has gone, so the reader's or moderator's
 * request neither waits for it nor fails with it: failures are logged.
 */
export const sendNotifications: CollectionAfterChangeHook<Comment> = async ({ doc, previousDoc, operation, req, context }) => {
  const { seeding, disableNotifications } = context as NotificationContext
  if (seeding || disableNotifications) return doc
  const notices = noticesFor({ operation, status: doc.status, previousStatus: previousDoc?.status ?? null })
  if (notices.length === 0) return doc

  const { payload } = req
  const notify = async () => {
    try {
      const deps = payloadNoticeDeps(req)
      const comment = await deps.comment(doc.id)
      const article = comment ? await deps.article(comment.articleId) : null
      if (!comment || !article) return
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
  }
  await afterResponse(notify)
  return doc
}

/**
 * Runs `task` once the response has been sent (Next's `after`), when there is one: by then the
 * write is committed, so the lookups see it outside its transaction. Outside a Next request (the
 * Local API in scripts and tests) there is no response to hold up, and the task runs at once.
 */
async function afterResponse(task: () => Promise<void>): Promise<void> {
  try {
    after(task)
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('outside a request scope')) throw error
    await task()
  }
}
