import type { PayloadRequest, Where } from 'payload'

import { relationId } from '@/lib/relationId'

/**
 * "Their own", as issue #5 defines it: an article is a user's when its `authors` include an author
 * profile whose `user` is that account. These lookups run as the system (the question is who owns
 * what, not what the user may read) and inside the request's transaction.
 */

/** The IDs of every document that matches, looked up as the system inside the request's transaction. */
async function idsAsSystem({ req, collection, where }: { req: PayloadRequest; collection: 'articles' | 'authors'; where: Where }): Promise<string[]> {
  const { docs } = await req.payload.find({ collection, where, depth: 0, pagination: false, select: { slug: true }, overrideAccess: true, req })
  return docs.map((doc) => doc.id)
}

/** The author profiles the requesting account writes as. */
export async function ownAuthorIds({ req }: { req: PayloadRequest }): Promise<string[]> {
  if (!req.user) return []
  return idsAsSystem({ req, collection: 'authors', where: { user: { equals: req.user.id } } })
}

/** The articles (drafts included) credited to one of the requesting account's author profiles. */
export async function ownArticleIds({ req }: { req: PayloadRequest }): Promise<string[]> {
  const authorIds = await ownAuthorIds({ req })
  if (authorIds.length === 0) return []
  return idsAsSystem({ req, collection: 'articles', where: { authors: { in: authorIds } } })
}

/**
 * When a write names the article's authors, it must keep one of the writer's own profiles among
 * them: a writer cannot publish under someone else's byline or give their article away.
 */
export function keepsOwnByline({ data, authorIds }: { data: unknown; authorIds: string[] }): boolean {
  if (typeof data !== 'object' || data === null || !('authors' in data)) return true
  const authors = (data as { authors?: unknown[] | null }).authors ?? []
  // Relationship values arrive as IDs from clients and as documents from the admin's form state.
  return authors.some((author) => {
    const id = relationId(author)
    return id !== null && authorIds.includes(id)
  })
}
