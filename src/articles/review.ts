/**
 * The review step of issue #5, as plain rules: a contributor submits a draft, an editor publishes
 * it or sends it back with a note, and publishing closes the review. Who may change the state
 * is field access (src/access/canSetReviewState.ts); what a change does is decided here.
 */

import { relationId } from '@/lib/relationId'

export const REVIEW_STATES = ['none', 'submitted', 'changes-requested'] as const

export type ReviewState = (typeof REVIEW_STATES)[number]

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  none: 'Not submitted',
  submitted: 'Submitted for review',
  'changes-requested': 'Changes requested',
}

export type Review = {
  state: ReviewState
  note: string | null
  submittedAt: string | null
  submittedBy: string | null
}

export const reviewMessages = {
  contributorPublish:
    'Contributors are not allowed to publish. Use “Submit for review” and an editor will publish the article (or send it back with a note).',
  noteRequired: 'Write a note for the author: say what has to change before the article can be published.',
  incomplete: (missing: string[]) => `Before submitting for review, fill in: ${missing.join(', ')}.`,
}

export const CLOSED_REVIEW: Review = { state: 'none', note: null, submittedAt: null, submittedBy: null }

const isState = (value: unknown): value is ReviewState => (REVIEW_STATES as readonly unknown[]).includes(value)

/** A stored or incoming `review` group, whatever parts of it are present. */
export function readReview(value: unknown): Review {
  const group = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  return {
    state: isState(group.state) ? group.state : 'none',
    note: typeof group.note === 'string' && group.note.trim() !== '' ? group.note : null,
    submittedAt: typeof group.submittedAt === 'string' ? group.submittedAt : null,
    submittedBy: relationId(group.submittedBy),
  }
}

type ReviewChange =
  | { ok: true; review: Review }
  | { ok: false; field: 'review.note' | 'review.state'; message: string }

type ChangeArgs = {
  before: Review
  /** The review as the write leaves it (field access has already dropped what the user may not set). */
  requested: Review
  /** The write publishes the article. */
  publishing: boolean
  /** Autosave runs while an editor is still typing: a send-back waits for an explicit save instead of failing. */
  autosave: boolean
  /** Required article fields still empty, by label. */
  missing: string[]
  userId: string | null
  now: Date
}

/** What a write does to the review: stamps a submission, insists on a note, and closes on publish. */
export function changeReview({ before, requested, publishing, autosave, missing, userId, now }: ChangeArgs): ReviewChange {
  if (publishing) return { ok: true, review: CLOSED_REVIEW }
  const review = { ...requested }
  if (review.state === 'submitted' && before.state !== 'submitted') {
    if (missing.length > 0) return { ok: false, field: 'review.state', message: reviewMessages.incomplete(missing) }
    return { ok: true, review: { ...review, submittedAt: now.toISOString(), submittedBy: userId } }
  }
  if (review.state === 'changes-requested' && before.state !== 'changes-requested') {
    // Autosave runs while the editor is still typing the note: it keeps the note so far, and the
    // send-back (and the author's email, with the whole note) waits for an explicit save.
    if (autosave) return { ok: true, review: { ...review, state: before.state, submittedAt: before.submittedAt, submittedBy: before.submittedBy } }
    if (!review.note) return { ok: false, field: 'review.note', message: reviewMessages.noteRequired }
  }
  if (review.state === 'none') return { ok: true, review: { ...review, submittedAt: null, submittedBy: null } }
  // The submission's stamp is the server's: a client never moves it.
  return { ok: true, review: { ...review, submittedAt: before.submittedAt, submittedBy: before.submittedBy } }
}
