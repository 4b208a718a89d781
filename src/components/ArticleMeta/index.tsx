import { formatDate } from '@/lib/dates'

type ArticleMetaProps = {
  authors: { name: string; href: string }[]
  publishedAt: string | null
  commentCount: number
  readingMinutes: number
}

/** The line under the headline: who, when, how many comments, how long. */
export function ArticleMeta({ authors, publishedAt, commentCount, readingMinutes }: ArticleMetaProps) {
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
      <a href="#comments">
        {commentCount} {commentCount === 1 ? 'comment' : 'comments'}
      </a>
      <span>{readingMinutes} min read</span>
    </p>
  )
}
