import 'server-only'

import { getPayloadClient } from './payload'
import { safeHref } from './urls'

export type CommentView = {
  id: string
  authorName: string
  authorUrl: string | null
  body: string
  createdAt: string
  replies: CommentView[]
}

type FlatComment = Omit<CommentView, 'replies'> & { parentId: string | null }

/**
 * Nests replies under their parents, oldest first at every level. A reply whose parent is not
 * shown (still pending, or moderated away) is kept at the top level rather than hidden: a
 * moderator approved it.
 */
export function threadComments(flat: FlatComment[]): CommentView[] {
  const nodes = new Map<string, CommentView>()
  for (const { parentId: _parentId, ...comment } of flat) nodes.set(comment.id, { ...comment, replies: [] })
  const roots: CommentView[] = []
  for (const comment of flat) {
    const node = nodes.get(comment.id)
    if (!node) continue
    const parent = comment.parentId && comment.parentId !== comment.id ? nodes.get(comment.parentId) : undefined
    if (parent) parent.replies.push(node)
    else roots.push(node)
  }
  return roots
}

/**
 * The approved comments of an article, threaded, with their count. The explicit status filter
 * keeps this a public view even if a staff session ever reaches the call; access rules
 * (overrideAccess: false) also hide everything else from the public.
 */
export async function getApprovedComments({ articleId }: { articleId: string }): Promise<{ count: number; thread: CommentView[] }> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'comments',
    overrideAccess: false,
    depth: 0,
    pagination: false,
    sort: 'createdAt',
    where: { and: [{ article: { equals: articleId } }, { status: { equals: 'approved' } }] },
    select: { authorName: true, authorUrl: true, body: true, parent: true, createdAt: true },
  })
  const flat: FlatComment[] = docs.map((doc) => ({
    id: doc.id,
    authorName: doc.authorName,
    authorUrl: safeHref(doc.authorUrl),
    body: doc.body,
    createdAt: doc.createdAt,
    parentId: typeof doc.parent === 'object' && doc.parent ? doc.parent.id : (doc.parent ?? null),
  }))
  return { count: flat.length, thread: threadComments(flat) }
}
