import { type Email, quote, SITE } from '@/email/plainText'

import type { Notice, NoticeArticle, NoticeComment, NoticeParent, Recipients } from './notify'
import { CONFIRM_TTL_MS, type ReplyNotificationAction } from './replyNotifications'

export type { Email }

type EmailLinks = {
  /** The public origin (serverURL). */
  origin: string
  /** Where Payload's admin is mounted, usually /admin. */
  adminRoute: string
  /** A signed confirm or unsubscribe link for one comment's author (src/comments/replyNotifications.ts). */
  replyNotification: (link: { action: ReplyNotificationAction; commentId: string; email: string }) => string
}

const commenter = (comment: NoticeComment, { withEmail }: { withEmail: boolean }) =>
  [
    `Author: ${comment.authorName}${withEmail ? ` <${comment.authorEmail}>` : ''}`,
    ...(comment.authorUrl ? [`Website: ${comment.authorUrl}`] : []),
  ].join('\n')

/**
 * The comment notices as messages, one per recipient (nobody sees who else was told).
 * Moderators get the commenter's email address, as they do in the admin; authors do not.
 */
export function commentEmails({
  comment,
  article,
  parent,
  recipients,
  links,
}: {
  comment: NoticeComment
  article: NoticeArticle
  parent: NoticeParent | null
  recipients: Recipients
  links: EmailLinks
}): Email[] {
  const url = (path: string) => new URL(path, `${links.origin}/`).toString()
  const articleUrl = url(article.path)
  const commentUrl = `${articleUrl}#comment-${comment.id}`
  const admin = (path: string) => url(`${links.adminRoute.replace(/\/$/, '')}${path}`)

  const write: Record<Notice, (to: string) => Omit<Email, 'to'>> = {
    held: () => ({
      subject: `[${SITE}] Please moderate: "${article.title}"`,
      text: [
        `A new comment on "${article.title}" is waiting for your approval.`,
        articleUrl,
        '',
        commenter(comment, { withEmail: true }),
        'Comment:',
        quote(comment.body),
        '',
        `Approve it, mark it as spam or trash it in the moderation queue: ${admin('/moderation')}`,
        `Edit it: ${admin(`/collections/comments/${comment.id}`)}`,
      ].join('\n'),
    }),
    approved: () => ({
      subject: `[${SITE}] Comment: "${article.title}"`,
      text: [
        `New comment on your article "${article.title}"`,
        '',
        commenter(comment, { withEmail: false }),
        'Comment:',
        quote(comment.body),
        '',
        `Read it on the site: ${commentUrl}`,
      ].join('\n'),
    }),
    reply: (to) => {
      const unsubscribe = comment.parentId ? links.replyNotification({ action: 'unsubscribe', commentId: comment.parentId, email: to }) : null
      return {
        subject: `[${SITE}] New reply to your comment on "${article.title}"`,
        text: [
          parent ? `Hello ${parent.authorName},` : 'Hello,',
          '',
          `${comment.authorName} replied to your comment on "${article.title}":`,
          '',
          quote(comment.body),
          '',
          `Read the conversation: ${commentUrl}`,
          '',
          `You are receiving this because you asked to be told about replies to your comment on ${SITE}.`,
          ...(unsubscribe ? [`Stop these emails: ${unsubscribe}`] : []),
        ].join('\n'),
        // RFC 8058 one-click unsubscribe: mail clients show their own button, which POSTs to the link.
        ...(unsubscribe ? { headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
      }
    },
    confirm: (to) => ({
      subject: `[${SITE}] Confirm: email me about replies on "${article.title}"`,
      text: [
        `Someone, hopefully you, commented on "${article.title}" with this address and asked to be emailed about replies.`,
        '',
        `To get those emails, confirm here: ${links.replyNotification({ action: 'confirm', commentId: comment.id, email: to })}`,
        '',
        `If it was not you, ignore this message: nothing more will be sent to this address about it. The link works for ${Math.round(CONFIRM_TTL_MS / 86_400_000)} days.`,
      ].join('\n'),
    }),
  }

  return (Object.keys(write) as Notice[]).flatMap((notice) => recipients[notice].map((to) => ({ to, ...write[notice](to) })))
}
