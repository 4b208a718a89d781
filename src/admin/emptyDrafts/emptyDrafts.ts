import type { Payload, PayloadRequest, Where } from 'payload'

import { EDITORS, hasRole } from '@/access/roles'
import { relationId } from '@/lib/relationId'

/**
 * Empty drafts: articles and pages saved with nothing in them. "Create New" used to leave one
 * each time nobody typed (Payload 3.90 creates an autosaving document as its create view opens);
 * it now saves only once someone types (src/admin/createNew), but the ones from before remain, and
 * the API, an import or a form emptied again can still make more. Editors clear them: drafts never
 * published, with no title, excerpt, image or body text, untouched for a while (someone may be
 * about to type into a fresh one).
 */

export const EMPTY_DRAFT_COLLECTIONS = ['articles', 'pages'] as const
export type EmptyDraftCollection = (typeof EMPTY_DRAFT_COLLECTIONS)[number]

/** The screen that lists them, under the admin route. */
export const EMPTY_DRAFTS_PATH = '/empty-drafts'

/** How long a draft must have sat untouched before it counts as abandoned. */
export const DEFAULT_MIN_AGE_MINUTES = 60
/** One request deletes at most this many; the screen lists no more at once either. */
export const MAX_BATCH = 100

export const messages = {
  notEditor: 'Only editors and admins clear empty drafts.',
  badAge: 'olderThanMinutes must be a whole number of minutes, 0 or more.',
  badIds: `Send the drafts to delete as { "ids": [...] }: between 1 and ${MAX_BATCH} ids.`,
}

/** Editors and admins clear them: writers and contributors delete their own drafts from the list as ever. */
export const canClearEmptyDrafts = (user: Parameters<typeof hasRole>[0]) => hasRole(user, ...EDITORS)

type EmptyDraft = { id: string; collection: EmptyDraftCollection; createdAt: string; updatedAt: string; lastEditedBy: unknown }

type Node = { type?: unknown; text?: unknown; children?: unknown }

/** Lexical nodes that hold nothing of their own: a body made only of these (with no text) is empty. */
const CONTAINERS = new Set(['root', 'paragraph', 'linebreak', 'text'])

/** Whether a Lexical document holds any text, image, block or other content. */
export function richTextHasContent(value: unknown): boolean {
  const visit = (node: Node): boolean => {
    if (typeof node.type === 'string' && !CONTAINERS.has(node.type)) return true
    if (typeof node.text === 'string' && node.text.trim() !== '') return true
    return Array.isArray(node.children) && node.children.some((child) => typeof child === 'object' && child !== null && visit(child as Node))
  }
  if (typeof value !== 'object' || value === null) return false
  const root = (value as { root?: unknown }).root
  return typeof root === 'object' && root !== null && visit(root as Node)
}

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '')

type DraftData = { id: string | number; title?: unknown; excerpt?: unknown; heroImage?: unknown; content?: unknown; createdAt: string; updatedAt: string; lastEditedBy?: unknown }

/**
 * The collection's empty drafts untouched for `olderThanMinutes`, oldest first, optionally only
 * among `ids`. Read as the system once the caller has passed `canClearEmptyDrafts`: the latest
 * draft of each document is what counts (a never-published article keeps its text in its
 * versions), and a document ever published is never "empty".
 */
export async function findEmptyDrafts({
  payload,
  req,
  collection,
  olderThanMinutes = DEFAULT_MIN_AGE_MINUTES,
  ids,
  now = new Date(),
}: {
  payload: Payload
  /** The request, when there is one, so the reads join its transaction. */
  req?: PayloadRequest
  collection: EmptyDraftCollection
  olderThanMinutes?: number
  ids?: string[]
  now?: Date
}): Promise<EmptyDraft[]> {
  const cutoff = new Date(now.getTime() - olderThanMinutes * 60_000).toISOString()
  const where: Where = {
    and: [
      { _status: { equals: 'draft' } },
      { or: [{ title: { exists: false } }, { title: { equals: '' } }] },
      { updatedAt: { less_than_equal: cutoff } },
      ...(ids ? [{ id: { in: ids } }] : []),
    ],
  }
  const { docs } = await payload.find({
    collection,
    draft: true,
    where,
    sort: 'updatedAt',
    limit: MAX_BATCH,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const candidates = (docs as unknown as DraftData[]).filter(
    (doc) => blank(doc.title) && blank(doc.excerpt) && blank(doc.heroImage) && !richTextHasContent(doc.content),
  )
  if (candidates.length === 0) return []
  const published = await payload.findVersions({
    collection,
    where: { and: [{ parent: { in: candidates.map((doc) => doc.id) } }, { 'version._status': { equals: 'published' } }] },
    select: { parent: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const everPublished = new Set(published.docs.map((version) => relationId(version.parent)))
  return candidates
    .filter((doc) => !everPublished.has(String(doc.id)))
    .map((doc) => ({ id: String(doc.id), collection, createdAt: doc.createdAt, updatedAt: doc.updatedAt, lastEditedBy: doc.lastEditedBy ?? null }))
}

/**
 * Deletes those of `ids` that are still empty drafts (one that got a title since it was listed is
 * kept), as the signed-in editor, so the collection's delete access has the last word.
 */
export async function deleteEmptyDrafts({
  req,
  collection,
  ids,
  olderThanMinutes = DEFAULT_MIN_AGE_MINUTES,
}: {
  req: PayloadRequest
  collection: EmptyDraftCollection
  ids: string[]
  olderThanMinutes?: number
}): Promise<{ deleted: string[]; kept: string[] }> {
  const empty = (await findEmptyDrafts({ payload: req.payload, req, collection, olderThanMinutes, ids })).map((draft) => draft.id)
  const deleted: string[] = []
  if (empty.length > 0) {
    const result = await req.payload.delete({ collection, where: { id: { in: empty } }, overrideAccess: false, user: req.user, req })
    deleted.push(...result.docs.map((doc) => String(doc.id)))
  }
  return { deleted, kept: ids.filter((id) => !deleted.includes(id)) }
}
