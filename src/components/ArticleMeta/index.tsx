import { formatDate } from '@/lib/dates'

import { formatUpdated, isUpdatedAfterPublishing } from './updated'

type ArticleMetaProps = {
  authors: { name: string; href: string }[]
  publishedAt: string | null
  /** The published article's last change; shown as "Updated …" when well after publishing (./updated.ts). */
  updatedAt?: string | null
  commentCount: number
  readingMinutes: number
}

/** The line under the headline: who, when (and when updated), how many comments, how long. */
export function ArticleMeta({ authors, publishedAt, updatedAt = null, commentCount, readingMinutes }: ArticleMetaProps) {
  return (
    <p className="article-meta">
      {authors.length > 0 ? (
        <span>
          By{' '}
          {authors.map((author, index) => (
            <span key={author.href}>
              {index > 0 ? (index === authors.length - 1 ? ' and ' : ', ') : null}
              <a href={author.href} rel="author">
                {author.name}
              </a>
            </span>
          ))}
        </span>
      ) : null}
      {publishedAt ? <time dateTime={publishedAt}>{formatDate(publishedAt)}</time> : null}
      {updatedAt && isUpdatedAfterPublishing({ publishedAt, updatedAt }) ? (
        <span className="article-meta__updated">
          Updated <time dateTime={updatedAt}>{formatUpdated(updatedAt)}</time>
        </span>
      ) : null}
      <a href="#comments">
        {commentCount} {commentCount === 1 ? 'comment' : 'comments'}
      </a>
      <span>{readingMinutes} min read</span>
    </p>
  )
}
