import type { CommentView } from '@/comments/thread'

import { commentPageHref } from '@/comments/threadPages'

import { commentsHtml } from './commentsHtml'

type ThreadProps = {
  /** The comments of this page of the thread. */
  thread: CommentView[]
  /** Every approved comment of the article, on all pages. */
  count: number
  /** Reply links stop at this depth; none when comments are closed. */
  replyDepth: number
  /** The article's own URL: reply links and comment pages hang off it. */
  articleHref: string
  page: number
  totalPages: number
}

/** The approved comments, replies nested under what they answer, and the reader's own held ones. */
export function CommentThread({ thread, count, replyDepth, articleHref, page, totalPages }: ThreadProps) {
  return (
    <section id="comments" className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        {count} {count === 1 ? 'Comment' : 'Comments'}
      </h2>
      {thread.length === 0 ? (
        <p>No comments yet.</p>
      ) : (
        // The comments themselves are one string, not elements: see commentsHtml for why, and how it stays safe.
        <ol className="comment-list" dangerouslySetInnerHTML={{ __html: commentsHtml({ thread, replyDepth, articleHref }) }} />
      )}
      {totalPages > 1 ? (
        <nav aria-label="Comment pages" className="pagination">
          {page > 1 ? (
            <a href={`${commentPageHref(articleHref, page - 1)}#comments`} rel="prev">
              ← Older comments
            </a>
          ) : (
            <span />
          )}
          <span>
            Comments page {page} of {totalPages}
          </span>
          {page < totalPages ? (
            <a href={`${commentPageHref(articleHref, page + 1)}#comments`} rel="next">
              Newer comments →
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  )
}
