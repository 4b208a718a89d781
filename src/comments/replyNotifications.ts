import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Reply notifications by double opt-in. A reader who ticks "email me about replies" is stored
 * unsubscribed and sent one confirmation link; only following it subscribes the address, so the
 * form cannot be used to mail someone else's inbox. Every reply email carries an unsubscribe
 * link. Both links are signed with Payload's secret over the action, the comment and the address
 * it was sent to, so nothing about them is stored and none can be made up or moved to another
 * comment or address.
 *
 * Following a link takes a POST: the GET shows a page with a button, because mail scanners and
 * link previews fetch links by themselves. Mail clients that offer one-click unsubscribe
 * (RFC 8058) send that POST from the List-Unsubscribe header.
 */

export const REPLY_NOTIFICATIONS_PATH = '/comments/notifications'
/** Long enough for a reader who reads their mail weekly; a stale request then simply lapses. */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000

export type ReplyNotificationAction = 'confirm' | 'unsubscribe'

const PARAMS = { action: 'do', comment: 'comment', until: 'until', signature: 'sig' } as const
/** Comment ids are UUIDs (SQL) or ObjectIds (MongoDB): anything else is not worth a query. */
const PLAUSIBLE_ID = /^[A-Za-z0-9_-]{1,64}$/

export const replyNotificationMessages = {
  malformed: 'This link is incomplete. Open it again from the email, or copy the whole address.',
  forged: 'This link is not valid. Open it again from the email we sent you.',
  expired: 'This confirmation link has expired. Tick “Email me about replies” on your next comment to get a new one.',
  missing: 'The comment this link was made for no longer exists, so there is nothing to send you.',
  confirmTitle: 'Confirm reply notifications',
  confirmAsk: 'Press the button to get an email when someone replies to your comment. You can stop them at any time from the link in each email.',
  confirmButton: 'Email me about replies',
  confirmed: 'Done: we will email you when a reply to your comment is published.',
  unsubscribeTitle: 'Stop reply notifications',
  unsubscribeAsk: 'Press the button to stop the emails about replies to your comment.',
  unsubscribeButton: 'Stop these emails',
  unsubscribed: 'Done: you will get no more emails about replies to this comment.',
  failedTitle: 'This link did not work',
} as const

const signature = ({ secret, action, commentId, email, until }: { secret: string; action: ReplyNotificationAction; commentId: string; email: string; until: string }) =>
  createHmac('sha256', `byline-reply-notifications:${secret}`)
    .update([action, commentId, email.trim().toLowerCase(), until].join('\n'))
    .digest('base64url')

/** The absolute link for an email: confirmation links expire, unsubscribe links never do. */
export function replyNotificationLink({
  origin,
  secret,
  action,
  commentId,
  email,
  now = Date.now(),
}: {
  origin: string
  secret: string
  action: ReplyNotificationAction
  commentId: string
  email: string
  now?: number
}): string {
  const until = action === 'confirm' ? String(now + CONFIRM_TTL_MS) : ''
  const url = new URL(REPLY_NOTIFICATIONS_PATH, `${origin}/`)
  url.searchParams.set(PARAMS.action, action)
  url.searchParams.set(PARAMS.comment, commentId)
  if (until) url.searchParams.set(PARAMS.until, until)
  url.searchParams.set(PARAMS.signature, signature({ secret, action, commentId, email, until }))
  return url.toString()
}

/** The stored comment as a link needs it. */
export type SubscriptionComment = { authorEmail: string; notifyOnReply: boolean }

/** The database, injected so the rules run without one. */
export type ReplyNotificationDeps = {
  comment: (id: string) => Promise<SubscriptionComment | null>
  setNotifyOnReply: (id: string, notify: boolean) => Promise<void>
}

export type LinkCheck =
  | { ok: true; action: ReplyNotificationAction; commentId: string; done: boolean }
  | { ok: false; status: 400 | 404; message: string }

/**
 * Whether a link's parameters are ours, current and about an existing comment, and whether what
 * it asks for is already the case (`done`). Looks, changes nothing.
 */
export async function checkReplyNotificationLink({
  params,
  secret,
  now = Date.now(),
  deps,
}: {
  params: URLSearchParams
  secret: string
  now?: number
  deps: Pick<ReplyNotificationDeps, 'comment'>
}): Promise<LinkCheck> {
  const action = params.get(PARAMS.action)
  const commentId = params.get(PARAMS.comment) ?? ''
  const until = params.get(PARAMS.until) ?? ''
  const given = params.get(PARAMS.signature) ?? ''
  const fail = (status: 400 | 404, message: string): LinkCheck => ({ ok: false, status, message })
  if ((action !== 'confirm' && action !== 'unsubscribe') || !PLAUSIBLE_ID.test(commentId) || !given) return fail(400, replyNotificationMessages.malformed)
  if (action === 'confirm' && !/^\d{1,15}$/.test(until)) return fail(400, replyNotificationMessages.malformed)
  const comment = await deps.comment(commentId)
  if (!comment) return fail(404, replyNotificationMessages.missing)
  const expected = Buffer.from(signature({ secret, action, commentId, email: comment.authorEmail, until }))
  const actual = Buffer.from(given)
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return fail(400, replyNotificationMessages.forged)
  // Checked after the signature, so "expired" is never said of a link we did not make.
  if (action === 'confirm' && Number(until) <= now) return fail(400, replyNotificationMessages.expired)
  return { ok: true, action, commentId, done: comment.notifyOnReply === (action === 'confirm') }
}

/** Checks the link, then does what it says: subscribes (confirm) or unsubscribes the comment's author. */
export async function followReplyNotificationLink(args: {
  params: URLSearchParams
  secret: string
  now?: number
  deps: ReplyNotificationDeps
}): Promise<LinkCheck> {
  const check = await checkReplyNotificationLink(args)
  if (!check.ok || check.done) return check
  await args.deps.setNotifyOnReply(check.commentId, check.action === 'confirm')
  return { ...check, done: true }
}
