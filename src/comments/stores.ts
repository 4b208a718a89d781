import type { Payload, PayloadRequest } from 'payload'

import type { Article, Comment } from '@/payload-types'

import { remember } from '@/cache/records'
import { NOTIFIED } from '@/access/roles'
import { tag } from '@/cache/tags'
import { countRowsAsSystem, findRowsAsSystem } from '@/db/belowPayload'
import { articleHref } from '@/lib/urls'

import type { NoticeComment, NoticeDeps } from './notify'
import type { StoredDiscussion } from './settings'
import type { SubmissionDeps } from './submit'

import { toSettings } from './settings'
import { relationId } from '@/lib/relationId'

/**
 * The discussion settings as stored, remembered until they change (tag.discussion): every
 * article page's form and every submission's rules read them. Read outside any request's
 * transaction, since the value outlives the request.
 */
export const storedDiscussion = (payload: Payload): Promise<StoredDiscussion> =>
  remember({
    key: 'discussion',
    tags: [tag.discussion],
    load: () => payload.findGlobal({ slug: 'discussion', overrideAccess: true, depth: 0 }),
  })

/**
 * The submission rules' view of the database, through the request (and so its transaction); the
 * settings come from memory until they change. These are system reads: the rules must see held
 * comments and the settings whoever is asking. So they go to the database adapter's own find and
 * count, which every adapter implements alike: Payload's operations around them (access,
 * read hooks and field traversal, none of which a system read of these plain fields needs) cost
 * each submission's four reads 2.0 ms against 0.9 ms.
 */
export function payloadSubmissionDeps(req: PayloadRequest): SubmissionDeps {
  const { payload } = req
  return {
    settings: async () => toSettings(await storedDiscussion(payload)),
    article: async (id) => {
      const [doc] = await findRowsAsSystem<Article>({
        req,
        collection: 'articles',
        where: { id: { equals: id } },
        limit: 1,
        select: { commentsOpen: true, publishedAt: true, _status: true },
      })
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
        const [comment] = await findRowsAsSystem<Comment>({
          req,
          collection: 'comments',
          where: { id: { equals: commentId } },
          limit: 1,
          select: { article: true, parent: true, status: true },
        })
        return comment ?? null
      }
      const comment = await find(id)
      if (!comment) return null
      // Walk up to the root; bounded, so a corrupted cycle cannot spin forever.
      let depth = 1
      let above = relationId(comment.parent)
      while (above && depth < 50) {
        const next = await find(above)
        if (!next) break
        depth += 1
        above = relationId(next.parent)
      }
      return { id: comment.id, articleId: relationId(comment.article) ?? '', status: comment.status, depth }
    },
    lastCommentAt: async ({ ipHash, email }) => {
      const [latest] = await findRowsAsSystem<Comment>({
        req,
        collection: 'comments',
        where: { or: [{ authorEmail: { equals: email } }, ...(ipHash ? [{ ipHash: { equals: ipHash } }] : [])] },
        sort: '-createdAt',
        limit: 1,
        select: { createdAt: true },
      })
      return latest ? new Date(latest.createdAt) : null
    },
    hasDuplicate: async ({ articleId, body }) =>
      (await countRowsAsSystem({ req, collection: 'comments', where: { and: [{ article: { equals: articleId } }, { body: { equals: body } }] } })) > 0,
    // The email and status narrow it by index (see the collection's indexes); name and website
    // are compared here, exactly as the reader typed them, after trimming.
    hasApprovedComment: async ({ email, name, url }) => {
      const docs = await findRowsAsSystem<Comment>({
        req,
        collection: 'comments',
        where: { and: [{ authorEmail: { equals: email } }, { status: { equals: 'approved' } }, { authorName: { equals: name } }] },
        limit: 20,
        select: { authorUrl: true },
      })
      return docs.some((doc) => (doc.authorUrl || null) === url)
    },
    pendingCounts: async ({ ipHash, email, articleId }) => {
      const pending = { status: { equals: 'pending' } }
      const [sender, article] = await Promise.all([
        countRowsAsSystem({
          req,
          collection: 'comments',
          where: { and: [pending, { or: [{ authorEmail: { equals: email } }, ...(ipHash ? [{ ipHash: { equals: ipHash } }] : [])] }] },
        }),
        countRowsAsSystem({ req, collection: 'comments', where: { and: [pending, { article: { equals: articleId } }] } }),
      ])
      return { sender, article }
    },
  }
}

/**
 * A new comment as the notices need it, from the data it was stored with (the collection's hooks
 * get it whole, where the created document holds only what its requester may read), or null when
 * the data lacks something a notice shows.
 */
export function noticeCommentFrom({ id, data }: { id: string; data: Record<string, unknown> }): NoticeComment | null {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)
  const [articleId, authorName, authorEmail, body] = [relationId(data.article), text(data.authorName), text(data.authorEmail), text(data.body)]
  if (!articleId || !authorName || !authorEmail || !body) return null
  return { id, articleId, parentId: relationId(data.parent), authorName, authorEmail, authorUrl: text(data.authorUrl), body }
}

/**
 * The notices' view of the database, read as the system inside the request: who moderates, who
 * wrote the article, and whether the comment replied to asked to be told. Who moderates and the
 * article's title and address are remembered (src/cache/records.ts) under the tags their changes
 * expire: a held comment's notice then reads nothing, where it made five queries.
 */
export function payloadNoticeDeps(req: PayloadRequest): NoticeDeps {
  const { payload } = req
  const system = { req, overrideAccess: true, depth: 0, pagination: false } as const
  // Remembered values outlive the request: read outside its transaction.
  const shared = { overrideAccess: true, depth: 0, pagination: false } as const
  const emailsOf = async (where: Parameters<typeof payload.find>[0]['where']) =>
    (await payload.find({ ...shared, collection: 'users', where, select: { email: true } })).docs.map((user) => user.email)
  const articleById = async (id: string) =>
    (await payload.find({ ...system, collection: 'articles', where: { id: { equals: id } }, limit: 1, select: { title: true, slug: true, category: true, authors: true } }))
      .docs[0] ?? null
  return {
    comment: async (id) => {
      const { docs } = await payload.find({
        ...system,
        collection: 'comments',
        where: { id: { equals: id } },
        limit: 1,
        select: { article: true, parent: true, authorName: true, authorEmail: true, authorUrl: true, body: true },
      })
      const comment = docs[0]
      const articleId = relationId(comment?.article)
      if (!comment || !articleId) return null
      const { authorName, authorEmail, authorUrl, body } = comment
      return { id: comment.id, articleId, parentId: relationId(comment.parent), authorName, authorEmail, authorUrl: authorUrl ?? null, body }
    },
    article: (id) =>
      remember({
        key: `notice-article:${id}`,
        tags: [tag.article(id), tag.categories],
        load: async () => {
          const { docs } = await payload.find({ ...shared, collection: 'articles', where: { id: { equals: id } }, limit: 1, select: { title: true, slug: true, category: true } })
          const article = docs[0]
          const categoryId = relationId(article?.category)
          if (!article || !categoryId) return null
          const category = await payload.find({ ...shared, collection: 'categories', where: { id: { equals: categoryId } }, limit: 1, select: { slug: true } })
          const slug = category.docs[0]?.slug
          return slug ? { title: article.title, path: articleHref({ categorySlug: slug, slug: article.slug }) } : null
        },
      }),
    moderatorEmails: () =>
      remember({
        key: 'moderator-emails',
        tags: [tag.staff],
        load: async () => {
          const { first, otherwise } = NOTIFIED.heldComments
          const moderators = await emailsOf({ roles: { in: [...first] } })
          return moderators.length > 0 ? moderators : emailsOf({ roles: { in: [...otherwise] } })
        },
      }),
    authorEmails: async (articleId) => {
      const authorIds = ((await articleById(articleId))?.authors ?? []).map(relationId).filter((id): id is string => id !== null)
      if (authorIds.length === 0) return []
      const { docs } = await payload.find({ ...system, collection: 'authors', where: { id: { in: authorIds } }, select: { user: true } })
      const userIds = docs.map((author) => relationId(author.user)).filter((id): id is string => id !== null)
      return userIds.length === 0 ? [] : emailsOf({ id: { in: userIds } })
    },
    parent: async (id) => {
      const { docs } = await payload.find({
        ...system,
        collection: 'comments',
        where: { id: { equals: id } },
        limit: 1,
        select: { authorName: true, authorEmail: true, status: true, notifyOnReply: true },
      })
      const parent = docs[0]
      return parent ? { authorName: parent.authorName, authorEmail: parent.authorEmail, status: parent.status, notifyOnReply: parent.notifyOnReply === true } : null
    },
  }
}
