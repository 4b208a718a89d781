import type { ParentFacts } from './submit'

import type { FiledStatus } from './statuses'
import type { DiscussionSettings } from './settings'

import { SITE_NAME } from '@/lib/siteName'

import { countLinks, findListedWord } from './policy'
import { FOLDER_NAMES, isFiled } from './statuses'
import { LIMITS, validateComment } from './validate'

/**
 * The newsroom's own voice in a thread: replies a moderator posts from the queue are signed with
 * the site's name and shown with a staff badge. The name is reserved (readers are refused it, see
 * submit.ts), so the badge cannot be borrowed; the moderator's address is stored as the comment's
 * private email, which only moderators read, and is never shown.
 */
export const NEWSROOM = { name: SITE_NAME, badge: 'Staff' } as const

export const isNewsroomName = (name: string): boolean => name.trim().toLowerCase() === NEWSROOM.name.toLowerCase()

export const replyMessages = {
  bodyMissing: 'Write the reply first.',
  bodyTooLong: `A reply can be at most ${LIMITS.body.toLocaleString('en')} characters long.`,
  tooManyLinks: (links: number, max: number) =>
    `The reply has ${links} links; the discussion settings allow ${max} in a comment. Remove some, or raise the limit in Discussion settings.`,
  blockedWord: (word: string) => `The reply contains "${word}", which is on the blocked words list.`,
  parentGone: 'The comment you are replying to no longer exists.',
  parentFiled: (status: FiledStatus) =>
    `The comment is in ${FOLDER_NAMES[status]}: restore it before replying, so the reply has something to answer on the page.`,
  tooDeep: 'Replies cannot be nested any deeper here: reply to the comment above it instead.',
} as const

/** A refusal carries the status an API would answer with: 400 for the text, 404 and 409 for the comment answered. */
type ReplyCheck = { ok: true; body: string } | { ok: false; status: 400 | 404 | 409; message: string }

/**
 * Whether a newsroom reply may be published as it is. It is published at once, so the rules that
 * would hold a reader's comment refuse it instead: the same length limit, the same link limit and
 * blocked words, and the same threading rules (the comment answered must be on the page or waiting
 * to be, and not too deep).
 */
export function checkNewsroomReply({
  body,
  parent,
  settings,
}: {
  body: unknown
  parent: ParentFacts | null
  settings: DiscussionSettings
}): ReplyCheck {
  const validated = validateComment({ body, authorName: NEWSROOM.name, authorEmail: 'newsroom@example.com' })
  if (!validated.ok) return { ok: false, status: 400, message: bodyMessage(body) }
  const text = validated.value.body
  const links = countLinks(text)
  if (links > settings.maxLinks) return { ok: false, status: 400, message: replyMessages.tooManyLinks(links, settings.maxLinks) }
  const blocked = findListedWord(settings.blockedWords, { ...validated.value, authorEmail: '', authorUrl: null })
  if (blocked) return { ok: false, status: 400, message: replyMessages.blockedWord(blocked) }
  if (!parent) return { ok: false, status: 404, message: replyMessages.parentGone }
  if (isFiled(parent.status)) return { ok: false, status: 409, message: replyMessages.parentFiled(parent.status) }
  if (parent.depth + 1 > settings.threadDepth) return { ok: false, status: 400, message: replyMessages.tooDeep }
  return { ok: true, body: text }
}

const bodyMessage = (body: unknown) => (typeof body === 'string' && body.trim() !== '' ? replyMessages.bodyTooLong : replyMessages.bodyMissing)
