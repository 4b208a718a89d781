import { describe, expect, it } from 'vitest'

import type { SubscriptionComment } from '@/comments/replyNotifications'

import { noticesFor } from '@/comments/notify'
import { CONFIRM_TTL_MS, followReplyNotificationLink, replyNotificationLink, replyNotificationMessages } from '@/comments/replyNotifications'

const secret = 'k'.repeat(64)
const origin = 'https://news.example.com'

/** One comment in memory, and every write made to it. */
function store(comment: SubscriptionComment | null) {
  const writes: boolean[] = []
  return {
    writes,
    deps: {
      comment: async () => comment,
      setNotifyOnReply: async (_id: string, notify: boolean) => {
        writes.push(notify)
      },
    },
  }
}
const paramsOf = (url: string) => new URL(url).searchParams

describe('Reply notifications', () => {
  describe('which notices a new comment sends', () => {
    it('asks a reader to confirm with their held or published comment, never with spam or trash, and only when it is new', () => {
      const ask = (operation: 'create' | 'update', status: 'pending' | 'approved' | 'spam' | 'trash') =>
        noticesFor({ operation, status, previousStatus: operation === 'create' ? null : 'pending', replyNotificationsRequested: true }).includes('confirm')
      expect([ask('create', 'pending'), ask('create', 'approved'), ask('create', 'spam'), ask('create', 'trash'), ask('update', 'approved')]).toEqual([
        true,
        true,
        false,
        false,
        false,
      ])
      expect(noticesFor({ operation: 'create', status: 'pending', previousStatus: null })).toEqual(['held'])
    })
  })

  describe('links', () => {
    const comment = { authorEmail: 'Leah@Example.net', notifyOnReply: false }

    it('subscribes the address the link was sent to, whatever its case, and says so when pressed twice', async () => {
      const { deps, writes } = store(comment)
      const url = replyNotificationLink({ origin, secret, action: 'confirm', commentId: 'c1', email: ' leah@example.NET ' })
      expect(url.startsWith(`${origin}/comments/notifications?do=confirm&comment=c1&until=`)).toBe(true)
      expect(await followReplyNotificationLink({ params: paramsOf(url), secret, deps })).toEqual({ ok: true, action: 'confirm', commentId: 'c1', done: true })
      expect(writes).toEqual([true])
      const again = store({ ...comment, notifyOnReply: true })
      expect((await followReplyNotificationLink({ params: paramsOf(url), secret, deps: again.deps })).ok).toBe(true)
      expect(again.writes).toEqual([])
    })

    it('lets a confirmation link lapse after its time, but never an unsubscribe link', async () => {
      const now = Date.parse('2026-03-01T00:00:00Z')
      const confirm = replyNotificationLink({ origin, secret, action: 'confirm', commentId: 'c1', email: comment.authorEmail, now })
      const unsubscribe = replyNotificationLink({ origin, secret, action: 'unsubscribe', commentId: 'c1', email: comment.authorEmail, now })
      const later = now + CONFIRM_TTL_MS
      const { deps, writes } = store({ ...comment, notifyOnReply: true })
      expect(await followReplyNotificationLink({ params: paramsOf(confirm), secret, now: later, deps })).toEqual({ ok: false, status: 400, message: replyNotificationMessages.expired })
      expect((await followReplyNotificationLink({ params: paramsOf(unsubscribe), secret, now: later + 10 * CONFIRM_TTL_MS, deps })).ok).toBe(true)
      expect(writes).toEqual([false])
    })

    it('says a link is for a comment that is gone with 404, and writes nothing', async () => {
      const { deps, writes } = store(null)
      const url = replyNotificationLink({ origin, secret, action: 'unsubscribe', commentId: 'c1', email: comment.authorEmail })
      expect(await followReplyNotificationLink({ params: paramsOf(url), secret, deps })).toEqual({ ok: false, status: 404, message: replyNotificationMessages.missing })
      expect(writes).toEqual([])
    })
  })
})
