import type { CommentView } from '@/lib/comments'

import { formatDate } from '@/lib/dates'

function CommentItem({ comment }: { comment: CommentView }) {
  // Commenters' own sites are unvetted: no referrer, no endorsement.
  const name = comment.authorUrl ? (
    <a href={comment.authorUrl} rel="ugc nofollow noopener noreferrer">
      {comment.authorName}
    </a>
  ) : (
    comment.authorName
  )
  return (
    <li className="comment" id={`comment-${comment.id}`}>
      <article>
        <header className="comment__header">
          <span className="comment__author">{name}</span>{' '}
          <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        </header>
        <p className="comment__body">{comment.body}</p>
      </article>
      {comment.replies.length > 0 ? (
        <ol className="comment-list comment-list--replies">
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} />
          ))}
        </ol>
      ) : null}
    </li>
  )
}

/** The approved comments, replies nested under what they answer. */
export function CommentThread({ thread, count }: { thread: CommentView[]; count: number }) {
  return (
    <section id="comments" className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        {count} {count === 1 ? 'Comment' : 'Comments'}
      </h2>
      {count === 0 ? (
        <p>No comments yet.</p>
      ) : (
        <ol className="comment-list">
          {thread.map((comment) => (
            <CommentItem key={comment.id} comment={comment} />
          ))}
        </ol>
      )}
    </section>
  )
}
