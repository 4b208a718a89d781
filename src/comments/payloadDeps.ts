import type { PayloadRequest } from 'payload'

import type { SubmissionDeps } from './submit'

import { toSettings } from './settings'

const relId = (value: unknown): string | null =>
  typeof value === 'string' ? value : value && typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : null

/**
 * The submission rules' view of the database, through the request (and so its transaction).
 * These are system reads: the rules must see held comments and the settings whoever is asking.
 */
export function payloadSubmissionDeps(req: PayloadRequest): SubmissionDeps {
  const { payload } = req
  const system = { req, overrideAccess: true, depth: 0 } as const
  return {
    settings: async () => toSettings(await payload.findGlobal({ ...system, slug: 'discussion' })),
    article: async (id) => {
      const { docs } = await payload.find({
        ...system,
        collection: 'articles',
        where: { id: { equals: id } },
        limit: 1,
        pagination: false,
        select: { commentsOpen: true, publishedAt: true, _status: true },
      })
      const doc = docs[0]
      if (!doc) return null
      return {
        id: doc.id,
        published: doc._status === 'published',
        commentsOpen: doc.commentsOpen !== false,
        publishedAt: doc.publishedAt ? new Date(doc.publishedAt) : null,
      }
    },
    parent: async (id) => {
      const find = async (commentId: string) => {
        const { docs } = await payload.find({
          ...system,
          collection: 'comments',
          where: { id: { equals: commentId } },
          limit: 1,
          pagination: false,
          select: { article: true, parent: true, status: true },
        })
        return docs[0] ?? null
      }
      const comment = await find(id)
      if (!comment) return null
      // Walk up to the root; bounded, so a corrupted cycle cannot spin forever.
      let depth = 1
      let above = relId(comment.parent)
      while (above && depth < 50) {
        const next = await find(above)
        if (!next) break
        depth += 1
        above = relId(next.parent)
      }
      return { id: comment.id, articleId: relId(comment.article) ?? '', status: comment.status, depth }
    },
    lastCommentAt: async ({ ipHash, email }) => {
      const { docs } = await payload.find({
        ...system,
        collection: 'comments',
        where: { or: [{ authorEmail: { equals: email } }, ...(ipHash ? [{ ipHash: { equals: ipHash } }] : [])] },
        sort: '-createdAt',
        limit: 1,
        pagination: false,
        select: { createdAt: true },
      })
      return docs[0] ? new Date(docs[0].createdAt) : null
    },
    hasDuplicate: async ({ articleId, body }) =>
      (await payload.count({ ...system, collection: 'comments', where: { and: [{ article: { equals: articleId } }, { body: { equals: body } }] } }))
        .totalDocs > 0,
    hasApprovedComment: async (email) =>
      (await payload.count({ ...system, collection: 'comments', where: { and: [{ authorEmail: { equals: email } }, { status: { equals: 'approved' } }] } }))
        .totalDocs > 0,
  }
}
