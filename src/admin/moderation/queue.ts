import type { PayloadRequest, Where } from 'payload'

import type { CommentStatus } from '@/comments/policy'

import { articleHref } from '@/lib/urls'

export const QUEUE_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const satisfies readonly CommentStatus[]

export const PAGE_SIZE = 20

export type QueueRow = {
  id: string
  status: CommentStatus
  createdAt: string
  authorName: string
  /** Absent for accounts that may not read commenters' addresses (writers). */
  authorEmail: string | null
  /** Why the rules filed it as spam; absent for accounts that may not read it (writers). */
  spamReason: string | null
  authorUrl: string | null
  body: string
  /** Null when the reader of the queue may not see the article (it was unpublished). */
  article: { id: string; title: string; path: string | null } | null
  /** The comment this one replies to: the context a moderator needs. */
  parent: { id: string; authorName: string; body: string; status: CommentStatus } | null
}

export type Queue = {
  status: CommentStatus
  counts: Record<CommentStatus, number>
  rows: QueueRow[]
  page: number
  totalPages: number
}

export const parseStatus = (value: unknown): CommentStatus =>
  QUEUE_STATUSES.find((status) => status === value) ?? 'pending'

export const parsePage = (value: unknown): number => {
  const page = Number(value)
  return Number.isInteger(page) && page > 0 ? page : 1
}

type Related<T> = string | T | null | undefined
const populated = <T extends object>(value: Related<T>): T | null => (typeof value === 'object' && value !== null ? value : null)

/**
 * One tab of the queue and the count of every tab, read as the signed-in account
 * (overrideAccess: false): moderators see everything, writers the comments on their own
 * articles, and private fields only where field access allows.
 */
export async function loadQueue({ req, status, page }: { req: PayloadRequest; status: CommentStatus; page: number }): Promise<Queue> {
  const { payload } = req
  const asUser = { req, overrideAccess: false } as const
  const byStatus = (value: CommentStatus): Where => ({ status: { equals: value } })

  const [found, ...totals] = await Promise.all([
    payload.find({
      ...asUser,
      collection: 'comments',
      where: byStatus(status),
      sort: '-createdAt',
      limit: PAGE_SIZE,
      page,
      // The article (with its category, for the link) and the parent comment, nothing more.
      depth: 2,
      populate: {
        articles: { title: true, slug: true, category: true },
        categories: { slug: true },
        comments: { authorName: true, body: true, status: true },
      },
    }),
    ...QUEUE_STATUSES.map((value) => payload.count({ ...asUser, collection: 'comments', where: byStatus(value) })),
  ])

  const rows = found.docs.map((doc): QueueRow => {
    const article = populated(doc.article)
    const category = populated(article?.category)
    const parent = populated(doc.parent)
    return {
      id: doc.id,
      status: doc.status,
      createdAt: doc.createdAt,
      authorName: doc.authorName,
      authorEmail: doc.authorEmail ?? null,
      spamReason: doc.spamReason ?? null,
      authorUrl: doc.authorUrl ?? null,
      body: doc.body,
      article: article
        ? { id: article.id, title: article.title, path: category ? articleHref({ categorySlug: category.slug, slug: article.slug }) : null }
        : null,
      parent: parent ? { id: parent.id, authorName: parent.authorName, body: parent.body, status: parent.status } : null,
    }
  })

  return {
    status,
    counts: Object.fromEntries(QUEUE_STATUSES.map((value, index) => [value, totals[index]?.totalDocs ?? 0])) as Record<CommentStatus, number>,
    rows,
    page: found.page ?? page,
    totalPages: Math.max(1, found.totalPages),
  }
}
