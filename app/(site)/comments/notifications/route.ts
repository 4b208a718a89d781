import type { Payload } from 'payload'

import type { LinkCheck, ReplyNotificationDeps } from '@/comments/replyNotifications'

import { checkReplyNotificationLink, followReplyNotificationLink, REPLY_NOTIFICATIONS_PATH, replyNotificationMessages as messages } from '@/comments/replyNotifications'
import { getPayloadClient } from '@/lib/payload'
import { SITE_NAME } from '@/lib/siteName'
import { escapeHtml } from '@/lib/escapeHtml'

/**
 * The links in reply-notification emails (src/comments/replyNotifications.ts): GET shows what the
 * link will do with a button, POST does it (the button, or a mail client's one-click unsubscribe).
 */


/** A whole small page: the reply-notification links open outside any article, often from a phone's mail app. */
function page({ status, title, text, form }: { status: number; title: string; text: string; form?: { action: string; button: string } }) {
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)} · ${escapeHtml(SITE_NAME)}</title></head><body><main>`,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`,
    form ? `<form method="post" action="${escapeHtml(form.action)}"><button type="submit">${escapeHtml(form.button)}</button></form>` : '',
    `<p><a href="/">${escapeHtml(SITE_NAME)}</a></p></main></body></html>`,
  ].join('')
  // X-Accel-Expires: the deploy/ nginx micro-caches answers whatever Cache-Control says, and this one changes when the button is pressed.
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-accel-expires': '0', 'x-robots-tag': 'noindex' }
  return new Response(html, { status, headers })
}

const failure = (check: Extract<LinkCheck, { ok: false }>) => page({ status: check.status, title: messages.failedTitle, text: check.message })

/** The comment's address and choice, read and written as the system: the signed link is the reader's authority. */
function payloadDeps(payload: Payload): ReplyNotificationDeps {
  return {
    comment: async (id) => {
      const { docs } = await payload.find({
        collection: 'comments',
        where: { id: { equals: id } },
        limit: 1,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: { authorEmail: true, notifyOnReply: true },
      })
      const comment = docs[0]
      return comment ? { authorEmail: comment.authorEmail, notifyOnReply: comment.notifyOnReply === true } : null
    },
    setNotifyOnReply: async (id, notify) => {
      // Pages do not show this choice, and it is nobody's notice: no cache to expire, no email to send.
      await payload.update({
        collection: 'comments',
        id,
        data: { notifyOnReply: notify },
        depth: 0,
        overrideAccess: true,
        context: { disableRevalidate: true, disableNotifications: true },
      })
    },
  }
}

export async function GET(request: Request) {
  const payload = await getPayloadClient()
  const params = new URL(request.url).searchParams
  const check = await checkReplyNotificationLink({ params, secret: payload.secret, deps: payloadDeps(payload) })
  if (!check.ok) return failure(check)
  const confirm = check.action === 'confirm'
  const title = confirm ? messages.confirmTitle : messages.unsubscribeTitle
  if (check.done) return page({ status: 200, title, text: confirm ? messages.confirmed : messages.unsubscribed })
  return page({
    status: 200,
    title,
    text: confirm ? messages.confirmAsk : messages.unsubscribeAsk,
    // By path, with the link's own parameters: request.url names the app server's host, not the reader's.
    form: { action: `${REPLY_NOTIFICATIONS_PATH}?${params.toString()}`, button: confirm ? messages.confirmButton : messages.unsubscribeButton },
  })
}

export async function POST(request: Request) {
  const payload = await getPayloadClient()
  const params = new URL(request.url).searchParams
  const result = await followReplyNotificationLink({ params, secret: payload.secret, deps: payloadDeps(payload) })
  if (!result.ok) return failure(result)
  const confirm = result.action === 'confirm'
  return page({ status: 200, title: confirm ? messages.confirmTitle : messages.unsubscribeTitle, text: confirm ? messages.confirmed : messages.unsubscribed })
}
