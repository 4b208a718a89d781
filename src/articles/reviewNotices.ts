import type { Review } from './review'

import { hasRole } from '@/access/roles'

/**
 * Who hears about a review, as plain rules: editors when a draft is submitted to them, the
 * contributor when it is sent back with a note, and again when it is published. One event per
 * write at most, so one mail per recipient per event; autosaves never make an event (the rules
 * in ./review.ts keep a send-back waiting for an explicit save, note and all).
 */
export type ReviewEvent = 'submitted' | 'sent-back' | 'published'

export function reviewEventOf({
  before,
  after,
  previousStatus,
  status,
  firstPublish,
  autosave,
}: {
  before: Review
  after: Review
  previousStatus: string | null
  status: string | null
  /** No version of the article was published before this write. */
  firstPublish: boolean
  autosave: boolean
}): ReviewEvent | null {
  if (autosave) return null
  if (status === 'published' && previousStatus !== 'published') {
    // Republishing an edit is not news to anyone; closing a review or a first publish is.
    return before.state !== 'none' || firstPublish ? 'published' : null
  }
  if (status === 'published') return null
  if (after.state === 'submitted' && before.state !== 'submitted') return 'submitted'
  if (after.state === 'changes-requested' && before.state !== 'changes-requested') return 'sent-back'
  return null
}

export type StaffMember = { id: string; name: string; email: string; roles: readonly string[] }

/** The world as the review notices need it, injected so the rules run without a database. */
export type ReviewNoticeDeps = {
  /** The editors, or the admins when the newsroom has no editor. */
  editors: () => Promise<StaffMember[]>
  member: (id: string) => Promise<StaffMember | null>
  /** The accounts linked to these author profiles (the article's byline). */
  bylineAccounts: (authorIds: string[]) => Promise<StaffMember[]>
}

/**
 * Who gets the event's mail. Editors for a submission; for a send-back, the person who submitted
 * (or the byline's accounts when nobody did); for a publish, the submitter and any contributor on
 * the byline. Never the person who made the change, and each address once.
 */
export async function reviewRecipients({
  event,
  submittedBy,
  authorIds,
  actorId,
  deps,
}: {
  event: ReviewEvent
  /** Who submitted the review this write changed (the stored review before it). */
  submittedBy: string | null
  authorIds: string[]
  actorId: string | null
  deps: ReviewNoticeDeps
}): Promise<StaffMember[]> {
  const submitter = submittedBy ? await deps.member(submittedBy) : null
  let people: StaffMember[]
  if (event === 'submitted') people = await deps.editors()
  else if (event === 'sent-back') people = submitter ? [submitter] : await deps.bylineAccounts(authorIds)
  else {
    const contributors = (await deps.bylineAccounts(authorIds)).filter((member) => hasRole(member, 'contributor'))
    people = [...(submitter ? [submitter] : []), ...contributors]
  }
  const seen = new Set<string>()
  return people.filter((member) => {
    const address = member.email.trim().toLowerCase()
    if (!address || member.id === actorId || seen.has(address)) return false
    seen.add(address)
    return true
  })
}

/** What the admin's toast says after the write, in place of Payload's "Draft saved successfully." */
export function reviewToast({ event, recipients }: { event: ReviewEvent; recipients: StaffMember[] }): string {
  if (event === 'submitted') return 'Submitted for review'
  if (event === 'published') return 'Published'
  const names = recipients.map((member) => member.name)
  return `Sent back to ${names.length > 0 ? names.join(' and ') : 'the author'}`
}
