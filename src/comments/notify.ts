import type { CommentStatus } from './statuses'

/**
 * Who hears about a comment, as WordPress does it: moderators when one waits for them, the
 * article's authors when one is published, and a commenter who asked for it when a reply to them
 * is published. A reader who asked about replies first gets one email to confirm the address
 * (`confirm`, src/comments/replyNotifications.ts). Spam and trash never send anything.
 */
export type Notice = 'held' | 'approved' | 'reply' | 'confirm'

export function noticesFor({
  operation,
  status,
  previousStatus,
  replyNotificationsRequested = false,
}: {
  operation: 'create' | 'update'
  status: CommentStatus
  previousStatus: CommentStatus | null
  /** A reader's new comment asked to be told about replies, and is stored unsubscribed until confirmed. */
  replyNotificationsRequested?: boolean
}): Notice[] {
  const confirm: Notice[] = operation === 'create' && replyNotificationsRequested && (status === 'pending' || status === 'approved') ? ['confirm'] : []
  if (operation === 'create' && status === 'pending') return ['held', ...confirm]
  const published = status === 'approved' && (operation === 'create' || previousStatus !== 'approved')
  return published ? ['approved', 'reply', ...confirm] : []
}

export type NoticeComment = {
  id: string
  articleId: string
  parentId: string | null
  authorName: string
  authorEmail: string
  authorUrl: string | null
  body: string
}

export type NoticeArticle = { title: string; path: string }
export type NoticeParent = { authorName: string; authorEmail: string; status: CommentStatus; notifyOnReply: boolean }

/** The world as the notices need it, injected so the rules run without a database. */
export type NoticeDeps = {
  /** The comment as stored, private fields included (the hook's own copy is as its requester may read it). */
  comment: (id: string) => Promise<NoticeComment | null>
  article: (id: string) => Promise<NoticeArticle | null>
  /** Who moderates: the accounts with the moderator role, or the editors and admins when there are none. */
  moderatorEmails: () => Promise<string[]>
  /** The accounts linked to the article's author profiles. */
  authorEmails: (articleId: string) => Promise<string[]>
  parent: (id: string) => Promise<NoticeParent | null>
}

export type Recipients = Record<Notice, string[]>

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * The addresses each notice goes to. Nobody is told about their own comment: an author
 * commenting on their article, or a commenter replying to themselves.
 */
export async function recipientsFor({
  comment,
  notices,
  deps,
}: {
  comment: NoticeComment
  notices: Notice[]
  deps: NoticeDeps
}): Promise<Recipients & { parent: NoticeParent | null }> {
  const others = (emails: string[]) => [...new Set(emails.map((e) => e.trim().toLowerCase()))].filter((e) => e && !same(e, comment.authorEmail))
  const held = notices.includes('held') ? others(await deps.moderatorEmails()) : []
  const approved = notices.includes('approved') ? others(await deps.authorEmails(comment.articleId)) : []
  const parent = notices.includes('reply') && comment.parentId ? await deps.parent(comment.parentId) : null
  // A reply to a comment that has since been marked spam or trashed tells nobody.
  const reply = parent && parent.notifyOnReply && parent.status === 'approved' ? others([parent.authorEmail]) : []
  // The one notice a commenter gets about their own comment: the address they typed must say yes first.
  const confirm = notices.includes('confirm') ? [comment.authorEmail.trim()].filter(Boolean) : []
  return { held, approved, reply, confirm, parent }
}
