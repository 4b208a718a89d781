import type { Notice, NoticeArticle, NoticeComment, NoticeParent, Recipients } from '@/comments/notify'

export type Email = { to: string; subject: string; text: string }

export type EmailLinks = {
  /** The public origin (serverURL). */
  origin: string
  /** Where Payload's admin is mounted, usually /admin. */
  adminRoute: string
}

const SITE = 'Byline'

/** Plain text only: nothing a commenter typed can turn into markup in someone's mail client. */
const quote = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')

const commenter = (comment: NoticeComment, { withEmail }: { withEmail: boolean }) =>
  [
    `Author: ${comment.authorName}${withEmail ? ` <${comment.authorEmail}>` : ''}`,
    ...(comment.authorUrl ? [`Website: ${comment.authorUrl}`] : []),
  ].join('\n')

/**
 * The three comment notices as messages, one per recipient (nobody sees who else was told).
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

  const write: Record<Notice, () => { subject: string; text: string }> = {
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
    reply: () => ({
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
      ].join('\n'),
    }),
  }

  return (Object.keys(write) as Notice[]).flatMap((notice) => {
    if (recipients[notice].length === 0) return []
    const message = write[notice]()
    return recipients[notice].map((to) => ({ to, ...message }))
  })
}
