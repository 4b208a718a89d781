import type { CommentStatus } from '@/comments/statuses'

/** Comments on one page of the queue unless the moderator asks for more. */
export const PAGE_SIZE = 20
/** What a moderator may ask for on one page; every read of the queue is bounded by it. */
export const PAGE_SIZES = [PAGE_SIZE, 50, 100] as const

/** The search form's fields, as the URL carries them (a GET form: it works without JavaScript). */
export type QueueFilters = {
  /** Words of the article's title. */
  articleTitle: string
  /** One article, chosen from a comment's "only this article" link. */
  article: string
  author: string
  /** Moderators only: commenters' addresses are theirs to read. */
  email: string
  /** Calendar days in the newsroom's time zone, both included. */
  from: string
  to: string
  perPage: (typeof PAGE_SIZES)[number]
}

const SEARCH_FIELDS = ['articleTitle', 'article', 'author', 'email', 'from', 'to'] as const

/** Whether anything narrows the tab (the page size does not). */
export const hasFilters = (filters: QueueFilters): boolean => SEARCH_FIELDS.some((key) => filters[key] !== '')

/** The query string of a tab or page under the same search. */
export function queueQuery({ status, page, filters }: { status: CommentStatus; page?: number; filters: QueueFilters }): string {
  const query = new URLSearchParams({ status })
  if (page && page > 1) query.set('page', String(page))
  for (const key of SEARCH_FIELDS) if (filters[key]) query.set(key, filters[key])
  if (filters.perPage !== PAGE_SIZE) query.set('perPage', String(filters.perPage))
  return query.toString()
}
