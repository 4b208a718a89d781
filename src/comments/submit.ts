import { APIError, ValidationError } from 'payload'

import { relationId } from '@/lib/relationId'

import type { BotSignals } from './spam'

import type { Decision } from './policy'
import type { CommentStatus } from './statuses'
import type { DiscussionSettings } from './settings'
import type { CleanInput, CommentInput } from './validate'

import { isNewsroomName } from './newsroom'
import { decideStatus } from './policy'
import { botReason, floodWait } from './spam'
import { validateComment } from './validate'

/**
 * Held comments one sender (IP hash or email) may have waiting anywhere, and one article may
 * have. A real reader rarely has more than two waiting; five leaves room for a lively debate (and
 * a few readers behind one office address). A hundred on one story is more than a newsroom's
 * moderators read in an hour: past that, a flood would bury the real comments in the queue, so
 * new ones wait until moderators catch up. Comments published at once are not held, so not capped.
 */
export const PENDING_LIMITS = { perClient: 5, perArticle: 100 } as const

export const messages = {
  closed: 'Comments are closed.',
  articleMissing: 'This article does not take comments.',
  parentInvalid: 'The comment you are replying to is not available.',
  tooDeep: 'Replies cannot be nested any deeper here.',
  duplicate: 'Duplicate comment detected; it looks as though you’ve already said that!',
  flood: 'You are posting comments too quickly. Slow down.',
  tooManyPendingFromYou: `You already have ${PENDING_LIMITS.perClient} comments waiting for moderation. Please wait until a moderator has read them.`,
  newsroomName: 'That name is the newsroom’s own signature. Please sign with your own name.',
  tooManyPendingOnArticle: 'This article has more comments waiting for moderation than our moderators can read. Please try again later.',
} as const

export type ArticleFacts = { id: string; published: boolean; commentsOpen: boolean; publishedAt: Date | null }
export type ParentFacts = { id: string; articleId: string; status: CommentStatus; depth: number }

/** Everything the rules need to know about the world, injected so the rules run without a database. */
export type SubmissionDeps = {
  settings: () => Promise<DiscussionSettings>
  article: (id: string) => Promise<ArticleFacts | null>
  parent: (id: string) => Promise<ParentFacts | null>
  /** When this IP hash or email last commented (anywhere), or null. */
  lastCommentAt: (sender: { ipHash: string | null; email: string }) => Promise<Date | null>
  /** Whether the same body already exists on this article. */
  hasDuplicate: (args: { articleId: string; body: string }) => Promise<boolean>
  /**
   * Whether an approved comment was signed with this name, email and website, as WordPress
   * matches name and email: an email alone is too easy to learn.
   */
  hasApprovedComment: (commenter: { email: string; name: string; url: string | null }) => Promise<boolean>
  /** Held comments waiting from this sender (IP hash or email, anywhere) and on this article. */
  pendingCounts: (args: { ipHash: string | null; email: string; articleId: string }) => Promise<{ sender: number; article: number }>
}

export type Submission = {
  input: CommentInput & { article?: unknown; parent?: unknown }
  signals: BotSignals
  sender: { ipHash: string | null; staff: boolean }
  now: Date
  secret: string
}

type Accepted = { value: CleanInput & { article: string; parent: string | null }; decision: Decision }

/** Too many held comments waiting; not a wait a clock can tell, so no Retry-After. */
export class PendingLimitError extends APIError {
  constructor(message: string) {
    super(message, 429, undefined, true)
  }
}

/** Thrown with the number of seconds to wait; adapters put it in a Retry-After header. */
export class FloodError extends APIError {
  constructor(readonly retryAfter: number) {
    super(messages.flood, 429, { retryAfter }, true)
  }
}

/** The relation's id with the padding a client may have sent trimmed off; blank is none. */
const idOf = (value: unknown): string | null => relationId(value)?.trim() || null

const fieldError = (path: string, message: string) => new ValidationError({ collection: 'comments', errors: [{ path, message }] })

export function isClosed({ article, settings, now }: { article: ArticleFacts; settings: DiscussionSettings; now: Date }): boolean {
  if (!article.commentsOpen) return true
  if (settings.closeAfterDays === null || !article.publishedAt) return false
  return now.getTime() - article.publishedAt.getTime() > settings.closeAfterDays * 86_400_000
}

/**
 * Decides a reader's submission: refused (thrown as Payload errors with the status the reader
 * should get), or accepted with the cleaned fields and the status it starts with.
 * Order matters: what the reader can fix first (400), then closed (403), then flood (429).
 */
export async function checkSubmission(submission: Submission, deps: SubmissionDeps): Promise<Accepted> {
  const { input, signals, sender, now, secret } = submission
  const validated = validateComment(input)
  if (!validated.ok) {
    throw new ValidationError({
      collection: 'comments',
      errors: Object.entries(validated.errors).map(([path, message]) => ({ path, message })),
    })
  }
  const value = validated.value
  // The newsroom's replies carry a staff badge by this name: a reader may not borrow it.
  if (isNewsroomName(value.authorName)) throw fieldError('authorName', messages.newsroomName)

  const articleId = idOf(input.article)
  const article = articleId ? await deps.article(articleId) : null
  if (!article || !article.published) throw fieldError('article', messages.articleMissing)
  const settings = await deps.settings()
  if (isClosed({ article, settings, now })) throw new APIError(messages.closed, 403, undefined, true)

  const parentId = idOf(input.parent)
  if (parentId) {
    const parent = await deps.parent(parentId)
    if (!parent || parent.articleId !== article.id || parent.status !== 'approved') throw fieldError('parent', messages.parentInvalid)
    if (parent.depth + 1 > settings.threadDepth) throw fieldError('parent', messages.tooDeep)
  }

  const accepted = { ...value, article: article.id, parent: parentId }
  const bot = botReason({ signals, now, secret })
  if (bot) return { value: accepted, decision: { status: 'spam', reason: bot } }

  if (!sender.staff) {
    const wait = floodWait({ last: await deps.lastCommentAt({ ipHash: sender.ipHash, email: value.authorEmail }), now })
    if (wait > 0) throw new FloodError(wait)
  }
  if (await deps.hasDuplicate({ articleId: article.id, body: value.body })) throw new APIError(messages.duplicate, 409, undefined, true)

  const knownCommenter = settings.approveKnownCommenters
    ? await deps.hasApprovedComment({ email: value.authorEmail, name: value.authorName, url: value.authorUrl })
    : false
  const decision = decideStatus({ input: value, settings, knownCommenter })
  if (decision.status === 'pending' && !sender.staff) {
    const waiting = await deps.pendingCounts({ ipHash: sender.ipHash, email: value.authorEmail, articleId: article.id })
    if (waiting.sender >= PENDING_LIMITS.perClient) throw new PendingLimitError(messages.tooManyPendingFromYou)
    if (waiting.article >= PENDING_LIMITS.perArticle) throw new PendingLimitError(messages.tooManyPendingOnArticle)
  }
  return { value: accepted, decision }
}
