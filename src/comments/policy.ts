import type { DiscussionSettings } from './settings'
import type { CleanInput } from './validate'
import { LINK_IN_TEXT } from './text'
import type { CommentStatus } from './statuses'

export const countLinks = (text: string): number => text.match(LINK_IN_TEXT)?.length ?? 0

/** The first listed word or phrase found in any of the commenter's fields (case-insensitive substring, as WordPress does). */
export function findListedWord(words: readonly string[], input: CleanInput): string | null {
  const haystack = [input.body, input.authorName, input.authorEmail, input.authorUrl ?? ''].join('\n').toLowerCase()
  return words.find((word) => word && haystack.includes(word)) ?? null
}

export type Decision = { status: CommentStatus; reason: string }

/**
 * The status a new comment starts with. Spam words beat everything; a reason to hold beats a
 * known commenter; a known commenter without links beats "hold all" (otherwise that default would
 * never apply).
 */
export function decideStatus({
  input,
  settings,
  knownCommenter,
}: {
  input: CleanInput
  settings: DiscussionSettings
  knownCommenter: boolean
}): Decision {
  const blocked = findListedWord(settings.blockedWords, input)
  if (blocked) return { status: 'spam', reason: `blocked word "${blocked}"` }
  const held = findListedWord(settings.moderationWords, input)
  if (held) return { status: 'pending', reason: `moderation word "${held}"` }
  const links = countLinks(`${input.body}`)
  if (links > settings.maxLinks) return { status: 'pending', reason: `${links} links (more than ${settings.maxLinks})` }
  // Known by name, email and website, all of which a stranger can type: a link in the body is
  // where impersonation pays (phishing under a regular's name), so it waits for a moderator.
  if (settings.approveKnownCommenters && knownCommenter) {
    if (settings.holdAll && links > 0) return { status: 'pending', reason: 'known commenter, but the comment has a link' }
    return { status: 'approved', reason: 'known commenter' }
  }
  if (settings.holdAll) return { status: 'pending', reason: 'every comment is held' }
  return { status: 'approved', reason: 'nothing to hold' }
}

/**
 * Why the rules filed a new comment, as stored in its moderator-only `spamReason` field: the spam
 * reason as it always was, or `held: <reason>` for a comment held for moderation. The verdict is
 * part of the note because a moderator may move the comment on: a held comment later marked as
 * spam was still held by the rules for its links, not filed as spam by them.
 */
export type RuleNote = { verdict: 'spam' | 'held'; reason: string }

const HELD = 'held: '

export const ruleNoteOf = (decision: Decision): string | null =>
  decision.status === 'spam' ? decision.reason : decision.status === 'pending' ? `${HELD}${decision.reason}` : null

export function readRuleNote(stored: string | null | undefined): RuleNote | null {
  if (!stored) return null
  return stored.startsWith(HELD) ? { verdict: 'held', reason: stored.slice(HELD.length) } : { verdict: 'spam', reason: stored }
}
