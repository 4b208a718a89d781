import type { CommentView } from '@/lib/comments'

import { CommentBody } from '@/components/CommentBody'
import { commentPageHref } from '@/lib/commentPages'
import { formatDate } from '@/lib/dates'

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

type ItemProps = { comment: CommentView; depth: number; replyDepth: number; articleHref: string }

function CommentItem({ comment, depth, replyDepth, articleHref }: ItemProps) {
  // Commenters' own sites are unvetted: no referrer, no endorsement.
  const name = comment.authorUrl ? (
    <a href={comment.authorUrl} rel="ugc nofollow noopener noreferrer">
      {comment.authorName}
    </a>
  ) : (
    comment.authorName
  )
  return (
    <li className={comment.pending ? 'comment comment--pending' : 'comment'} id={`comment-${comment.id}`}>
      <article>
        <header className="comment__header">
          <span className="comment__author">{name}</span>{' '}
          <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        </header>
        {comment.pending ? <p className="comment__awaiting">Your comment is awaiting moderation.</p> : null}
        <CommentBody body={comment.body} />
        {!comment.pending && depth < replyDepth ? (
          <p className="comment__reply">
            {/* A plain link: works without JavaScript, and the page puts the form in reply mode. */}
            <a href={`${articleHref}?replytocom=${comment.id}#respond`} aria-label={`Reply to ${comment.authorName}`} rel="nofollow">
              Reply
            </a>
          </p>
        ) : null}
      </article>
      {comment.replies.length > 0 ? (
        <ol className="comment-list comment-list--replies">
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} depth={depth + 1} replyDepth={replyDepth} articleHref={articleHref} />
          ))}
        </ol>
      ) : null}
    </li>
  )
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
        <ol className="comment-list">
          {thread.map((comment) => (
            <CommentItem key={comment.id} comment={comment} depth={1} replyDepth={replyDepth} articleHref={articleHref} />
          ))}
        </ol>
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
