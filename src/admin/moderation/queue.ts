import type { PayloadRequest, Where } from 'payload'

import type { RuleNote } from '@/comments/policy'
import type { CommentStatus } from '@/comments/statuses'

import { MODERATORS, hasRole } from '@/access/roles'
import { readRuleNote } from '@/comments/policy'
import { endOfDay, formatDateTime, newsroomTimeZone, parseDay, startOfDay } from '@/lib/timeZone'
import { articleHref } from '@/lib/urls'

import type { QueueFilters } from './filters'

import { PAGE_SIZE, PAGE_SIZES } from './filters'
import { COMMENT_STATUSES } from '@/comments/statuses'

const QUEUE_STATUSES = COMMENT_STATUSES


export type QueueRow = {
  id: string
  status: CommentStatus
  createdAt: string
  /** When it was sent, on the newsroom's clock (BYLINE_TIME_ZONE). */
  createdAtLabel: string
  authorName: string
  /** Absent for accounts that may not read commenters' addresses (writers). */
  authorEmail: string | null
  /** Why the rules held it or filed it as spam; absent for accounts that may not read it (writers). */
  ruleNote: RuleNote | null
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
  totalDocs: number
  filters: QueueFilters
  /** The chosen article's title, to say whose comments are shown. */
  articleTitle: string | null
  timeZone: string
}

export const parseStatus = (value: unknown): CommentStatus =>
  QUEUE_STATUSES.find((status) => status === value) ?? 'pending'

export const parsePage = (value: unknown): number => {
  const page = Number(value)
  return Number.isInteger(page) && page > 0 ? page : 1
}

const text = (value: unknown, max = 200) => (typeof value === 'string' ? value.trim().slice(0, max) : '')
/** A document id as our adapters make them (a UUID in SQL, an ObjectId in MongoDB): PostgreSQL refuses anything else in a uuid column with an error. */
const DOCUMENT_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})$/i

export const isDocumentId = (value: unknown): value is string => typeof value === 'string' && DOCUMENT_ID.test(value)

/** The filters from the query string: anything malformed is left out rather than refused, as a search box does. */
export function parseFilters(params: Record<string, unknown>): QueueFilters {
  const one = (key: string) => (Array.isArray(params[key]) ? (params[key] as unknown[])[0] : params[key])
  const perPage = PAGE_SIZES.find((size) => String(size) === one('perPage')) ?? PAGE_SIZE
  const article = text(one('article'), 64)
  return {
    articleTitle: text(one('articleTitle')),
    article: isDocumentId(article) ? article : '',
    author: text(one('author'), 100),
    email: text(one('email'), 254).toLowerCase(),
    from: parseDay(one('from')) ?? '',
    to: parseDay(one('to')) ?? '',
    perPage,
  }
}

/** Articles whose title has these words, as the reader of the queue may see them: at most a page of ids. */
async function articleIdsByTitle({ req, words }: { req: PayloadRequest; words: string }): Promise<string[]> {
  const { docs } = await req.payload.find({
    req,
    overrideAccess: false,
    collection: 'articles',
    where: { title: { like: words } },
    limit: 100,
    pagination: false,
    depth: 0,
    select: { title: true },
  })
  return docs.map((doc) => doc.id)
}

/**
 * The filters as a query. Each narrows through an index where one exists: the article (with the
 * status and date, the thread's own index), the full address (with the status), the date
 * (createdAt); a name or part of an address is a `like`, bounded by the page size like the rest.
 */
async function filterWhere({ req, filters, timeZone }: { req: PayloadRequest; filters: QueueFilters; timeZone: string }): Promise<Where[] | null> {
  const where: Where[] = []
  if (filters.article) where.push({ article: { equals: filters.article } })
  if (filters.articleTitle) {
    const ids = await articleIdsByTitle({ req, words: filters.articleTitle })
    // No such article: nothing to ask the comments about.
    if (ids.length === 0) return null
    where.push({ article: { in: ids } })
  }
  if (filters.author) where.push({ authorName: { like: filters.author } })
  // Field access would refuse the query for a writer; for them the filter does not exist.
  if (filters.email && hasRole(req.user, ...MODERATORS)) {
    const complete = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(filters.email)
    where.push({ authorEmail: complete ? { equals: filters.email } : { like: filters.email } })
  }
  if (filters.from) where.push({ createdAt: { greater_than_equal: startOfDay(filters.from, timeZone).toISOString() } })
  if (filters.to) where.push({ createdAt: { less_than: endOfDay(filters.to, timeZone).toISOString() } })
  return where
}

const emptyQueue = ({ status, filters, timeZone }: { status: CommentStatus; filters: QueueFilters; timeZone: string }): Queue => ({
  status,
  counts: { pending: 0, approved: 0, spam: 0, trash: 0 },
  rows: [],
  page: 1,
  totalPages: 1,
  totalDocs: 0,
  filters,
  articleTitle: null,
  timeZone,
})

type Related<T> = string | T | null | undefined
const populated = <T extends object>(value: Related<T>): T | null => (typeof value === 'object' && value !== null ? value : null)

/**
 * One tab of the queue (narrowed by the filters) and the count of every tab under the same
 * filters, read as the signed-in account
 * (overrideAccess: false): moderators see everything, writers the comments on their own
 * articles, and private fields only where field access allows.
 */
export async function loadQueue({
  req,
  status,
  page,
  filters = parseFilters({}),
  timeZone = newsroomTimeZone(),
}: {
  req: PayloadRequest
  status: CommentStatus
  page: number
  filters?: QueueFilters
  timeZone?: string
}): Promise<Queue> {
  const { payload } = req
  const asUser = { req, overrideAccess: false } as const
  const narrowing = await filterWhere({ req, filters, timeZone })
  if (!narrowing) return emptyQueue({ status, filters, timeZone })
  const byStatus = (value: CommentStatus): Where => (narrowing.length > 0 ? { and: [{ status: { equals: value } }, ...narrowing] } : { status: { equals: value } })

  const [found, chosenArticle, ...totals] = await Promise.all([
    payload.find({
      ...asUser,
      collection: 'comments',
      where: byStatus(status),
      sort: '-createdAt',
      limit: filters.perPage,
      page,
      // The article (with its category, for the link) and the parent comment, nothing more.
      depth: 2,
      populate: {
        articles: { title: true, slug: true, category: true },
        categories: { slug: true },
        comments: { authorName: true, body: true, status: true },
      },
    }),
    filters.article
      ? payload.find({ ...asUser, collection: 'articles', where: { id: { equals: filters.article } }, limit: 1, pagination: false, depth: 0, select: { title: true } })
      : null,
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
      createdAtLabel: formatDateTime(doc.createdAt, timeZone),
      authorName: doc.authorName,
      authorEmail: doc.authorEmail ?? null,
      ruleNote: readRuleNote(doc.spamReason),
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
    totalDocs: found.totalDocs,
    filters,
    articleTitle: chosenArticle?.docs[0]?.title ?? null,
    timeZone,
  }
}
