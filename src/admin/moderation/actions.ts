import type { CommentStatus } from '@/comments/statuses'

/** What a moderator can do to a comment: each action is a move to another status. */
export const ACTIONS = {
  approve: { label: 'Approve', to: 'approved', key: 'a', done: 'approved' },
  unapprove: { label: 'Unapprove', to: 'pending', key: 'u', done: 'unapproved and back in Pending' },
  spam: { label: 'Spam', to: 'spam', key: 's', done: 'marked as spam' },
  trash: { label: 'Trash', to: 'trash', key: 't', done: 'moved to the trash' },
  // Out of spam or the trash, back to the queue: a moderator decides again from there.
  restore: { label: 'Restore', to: 'pending', key: 'r', done: 'restored to Pending' },
} as const satisfies Record<string, { label: string; to: CommentStatus; key: string; done: string }>

export type ActionName = keyof typeof ACTIONS

export const KEYS: Partial<Record<string, ActionName>> = Object.fromEntries(
  (Object.keys(ACTIONS) as ActionName[]).map((name) => [ACTIONS[name].key, name]),
)


/** The actions each tab offers (WordPress's row actions). */
export const actionsFor = (status: CommentStatus): ActionName[] =>
  ({
    pending: ['approve', 'spam', 'trash'],
    approved: ['unapprove', 'spam', 'trash'],
    spam: ['restore', 'trash'],
    trash: ['restore', 'spam'],
  })[status] as ActionName[]

type StatusChange = { changed: string[]; failed: number; message: string }

const messages = {
  offline: 'the server could not be reached. Check your connection and try again.',
  refused: (status: number) => `the server answered ${status}.`,
}

type ErrorBody = { errors?: { message?: string }[]; docs?: { id: string }[] } | null

/**
 * Moves comments to a status through Payload's REST API with the browser's session cookie:
 * `PATCH /api/comments/:id` for one, the bulk `PATCH /api/comments?where[id][in]=…` for several.
 * Access control on the server decides, and its message comes back to the moderator.
 */
export async function setStatus({ apiURL, ids, to }: { apiURL: string; ids: string[]; to: CommentStatus }): Promise<StatusChange> {
  const [only] = ids
  const query = new URLSearchParams({ depth: '0' })
  if (ids.length !== 1) ids.forEach((id, index) => query.append(`where[id][in][${index}]`, id))
  const url = ids.length === 1 && only ? `${apiURL}/comments/${encodeURIComponent(only)}?${query}` : `${apiURL}/comments?${query}`
  let response: Response
  try {
    response = await fetch(url, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: to }),
    })
  } catch (error) {
    console.error(error)
    return { changed: [], failed: ids.length, message: messages.offline }
  }
  const body = (await response.json().catch(() => null)) as ErrorBody
  const firstError = body?.errors?.[0]?.message
  if (!response.ok) return { changed: [], failed: ids.length, message: firstError ?? messages.refused(response.status) }
  if (ids.length === 1) return { changed: ids, failed: 0, message: '' }
  const changed = (body?.docs ?? []).map((doc) => doc.id)
  return { changed, failed: ids.length - changed.length, message: firstError ?? '' }
}

type BodyChange = { ok: true; body: string } | { ok: false; message: string }

/**
 * Quick edit: saves a comment's text with `PATCH /api/comments/:id`, so the collection's field
 * rules (length, and the rest of what a comment's text must be) and access (moderators) decide,
 * as they would for the full edit form. Answers the text as stored.
 */
export async function saveBody({ apiURL, id, body }: { apiURL: string; id: string; body: string }): Promise<BodyChange> {
  let response: Response
  try {
    response = await fetch(`${apiURL}/comments/${encodeURIComponent(id)}?depth=0`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body }),
    })
  } catch (error) {
    console.error(error)
    return { ok: false, message: `Not saved: ${messages.offline}` }
  }
  const answer = (await response.json().catch(() => null)) as { doc?: { body?: string }; errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] } | null
  if (!response.ok) {
    const first = answer?.errors?.[0]
    // A field's own message ("…at most 5,000 characters…") says more than Payload's summary line.
    return { ok: false, message: `Not saved: ${first?.data?.errors?.[0]?.message ?? first?.message ?? messages.refused(response.status)}` }
  }
  return { ok: true, body: answer?.doc?.body ?? body }
}
