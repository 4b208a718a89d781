import type { PayloadRequest, Where } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { isAdminUser } from '@/access/isAdmin'
import { MODERATORS, hasRole } from '@/access/roles'
import { checkNewsroomReply, NEWSROOM, replyMessages } from '@/comments/newsroom'
import { FILED_STATUSES, isFiled } from '@/comments/statuses'
import { payloadSubmissionDeps } from '@/comments/stores'

import { isDocumentId } from './queue'

/**
 * What the queue does beyond moving a comment between statuses (which is a plain PATCH through
 * the REST API): the newsroom's reply, deleting for good, emptying spam or the trash. Each
 * command checks who is asking itself, whatever the page showed them, and then works as that
 * account (overrideAccess: false), so the collection's own access rules apply as well.
 * serverActions.ts exposes them to the queue; the tests call them with a request per role.
 */

type Refusal = { ok: false; status: 400 | 403 | 404 | 409; message: string }
type CommandResult<T> = ({ ok: true } & T) | Refusal

const commandMessages = {
  signedOut: 'Your session has ended. Log in again.',
  notModerator: 'Only moderators, editors and admins may reply as the newsroom.',
  notAdmin: 'Only admins may delete comments for good. Moderators can move them to the trash.',
  noIds: 'Choose at least one comment.',
  tooManyIds: (max: number) => `Delete at most ${max} comments at a time.`,
  notFiled: 'Only comments in Spam or the Trash can be deleted for good: move the others there first.',
  wrongStatus: 'Only Spam and the Trash can be emptied.',
} as const

/** Comments deleted in one database round: bounded, so emptying a large spam folder is many short writes, not one long one. */
const PURGE_BATCH = 100

const refuse = (status: Refusal['status'], message: string): Refusal => ({ ok: false, status, message })

/**
 * Payload's refusals (validation, access, not found) as the moderator should read them; anything
 * else is a fault and propagates. Recognised by shape rather than class: a production build may
 * hold more than one copy of Payload's error classes, and `instanceof` then misses.
 */
function refusalFrom(error: unknown): Refusal | null {
  if (!(error instanceof Error) || !('status' in error) || typeof error.status !== 'number') return null
  if (error.status >= 500) return null
  const status = error.status === 403 || error.status === 404 || error.status === 409 ? error.status : 400
  const data = 'data' in error ? (error.data as { errors?: { message?: string }[] } | undefined) : undefined
  return refuse(status, data?.errors?.[0]?.message ?? error.message)
}

/** Runs the writes in one transaction, rolled back if any of them fails. */
async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const owned = await initTransaction(req)
  try {
    const result = await work()
    if (owned) await commitTransaction(req)
    return result
  } catch (error) {
    if (owned) await killTransaction(req)
    throw error
  }
}

/**
 * Replies to a comment as the newsroom (WordPress's "Reply" on its comments screen): published at
 * once, threaded under the comment, signed with the site's name. A held comment is approved with
 * it ("Approve and reply"), since a reply to something readers cannot see would stand alone. The
 * reply goes through the rules a reader's comment meets (src/comments/newsroom.ts), and then
 * through Payload like an approval: the article's page refreshes, and a reader who asked to be told
 * about replies gets the usual email.
 */
export async function replyAsNewsroom({
  req,
  commentId,
  body,
}: {
  req: PayloadRequest
  commentId: string
  body: unknown
}): Promise<CommandResult<{ replyId: string; approvedParent: boolean }>> {
  const { user, payload } = req
  if (!user) return refuse(403, commandMessages.signedOut)
  if (!hasRole(user, ...MODERATORS)) return refuse(403, commandMessages.notModerator)
  const deps = payloadSubmissionDeps(req)
  const parent = isDocumentId(commentId) ? await deps.parent(commentId) : null
  const check = checkNewsroomReply({ body, parent, settings: await deps.settings() })
  if (!check.ok) return check
  if (!parent) return refuse(404, replyMessages.parentGone)
  try {
    return await inTransaction(req, async () => {
      const asUser = { req, overrideAccess: false, depth: 0 } as const
      const approvedParent = parent.status === 'pending'
      if (approvedParent) await payload.update({ ...asUser, collection: 'comments', id: parent.id, data: { status: 'approved' } })
      const reply = await payload.create({
        ...asUser,
        collection: 'comments',
        data: {
          article: parent.articleId,
          parent: parent.id,
          authorName: NEWSROOM.name,
          // Private (moderators only): who in the newsroom answered, never shown to readers.
          authorEmail: user.email,
          body: check.body,
          status: 'approved',
        },
      })
      return { ok: true as const, replyId: reply.id, approvedParent }
    })
  } catch (error) {
    const refusal = refusalFrom(error)
    if (refusal) return refusal
    throw error
  }
}

/**
 * Deletes comments for good (admins only; moderators trash, which can be undone). Only comments
 * already in Spam or the Trash: a published comment goes through the trash first, as in WordPress.
 */
export async function deleteForever({ req, ids }: { req: PayloadRequest; ids: unknown }): Promise<CommandResult<{ deleted: string[] }>> {
  if (!req.user) return refuse(403, commandMessages.signedOut)
  if (!isAdminUser(req.user)) return refuse(403, commandMessages.notAdmin)
  const wanted = Array.isArray(ids) ? [...new Set(ids.filter(isDocumentId))] : []
  if (wanted.length === 0) return refuse(400, commandMessages.noIds)
  if (wanted.length > PURGE_BATCH) return refuse(400, commandMessages.tooManyIds(PURGE_BATCH))
  const where: Where = { and: [{ id: { in: wanted } }, { status: { in: [...FILED_STATUSES] } }] }
  const { docs } = await req.payload.delete({ req, overrideAccess: false, collection: 'comments', where, depth: 0, select: {} })
  if (docs.length === 0) return refuse(409, commandMessages.notFiled)
  return { ok: true, deleted: docs.map((doc) => doc.id) }
}

/** Empties Spam or the Trash for good (admins only), a batch at a time; answers how many went. */
export async function emptyFolder({ req, status }: { req: PayloadRequest; status: unknown }): Promise<CommandResult<{ deleted: number }>> {
  if (!req.user) return refuse(403, commandMessages.signedOut)
  if (!isAdminUser(req.user)) return refuse(403, commandMessages.notAdmin)
  if (!isFiled(status)) return refuse(400, commandMessages.wrongStatus)
  const { payload } = req
  let deleted = 0
  for (;;) {
    // Through the status index; ids only.
    const { docs } = await payload.find({
      req,
      overrideAccess: false,
      collection: 'comments',
      where: { status: { equals: status } },
      limit: PURGE_BATCH,
      pagination: false,
      depth: 0,
      select: { status: true },
    })
    if (docs.length === 0) return { ok: true, deleted }
    const batch = await payload.delete({
      req,
      overrideAccess: false,
      collection: 'comments',
      where: { and: [{ id: { in: docs.map((doc) => doc.id) } }, { status: { equals: status } }] },
      depth: 0,
      select: { status: true },
    })
    deleted += batch.docs.length
    // Nothing deletable left of what was found (a concurrent restore): stop rather than spin.
    if (batch.docs.length === 0) return { ok: true, deleted }
  }
}
