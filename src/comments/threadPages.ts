import type { CommentView } from './thread'

type ThreadPage = { thread: CommentView[]; page: number; totalPages: number }

/**
 * One page of a long thread, as WordPress pages comments: a page holds `perPage` top-level
 * comments, each with all its replies, oldest first. Null for a page past the last (page 1
 * always exists, even with no comments).
 */
export function pageOfThread(thread: CommentView[], { page, perPage }: { page: number; perPage: number }): ThreadPage | null {
  const size = Math.max(1, Math.floor(perPage))
  const totalPages = Math.max(1, Math.ceil(thread.length / size))
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null
  return { thread: thread.slice((page - 1) * size, page * size), page, totalPages }
}

/** The URL of a page of an article's comments: the article itself for the first, /comment-page-N/ after. */
export const commentPageHref = (articleHref: string, page: number) => (page <= 1 ? articleHref : `${articleHref}/comment-page-${page}`)
