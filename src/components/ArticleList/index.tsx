import type { ArticleSummary } from '@/lib/articles/types'

import { Fragment } from 'react'

import { formatDate } from '@/lib/dates'

import { MediaImage } from '../MediaImage'

/** A card's byline and date: "By Ana Ruiz and Sam Kerr · 7 December 2026", each name linking to the author's page. */
export function CardMeta({ article }: { article: Pick<ArticleSummary, 'authors' | 'publishedAt'> }) {
  const { authors, publishedAt } = article
  if (authors.length === 0 && !publishedAt) return null
  return (
    <p className="article-card__meta">
      {authors.length > 0 ? (
        <span className="article-card__byline">
          By{' '}
          {authors.map((author, index) => (
            <Fragment key={author.id}>
              {index === 0 ? '' : index === authors.length - 1 ? ' and ' : ', '}
              <a href={author.href} rel="author">
                {author.name}
              </a>
            </Fragment>
          ))}
        </span>
      ) : null}
      {authors.length > 0 && publishedAt ? <span aria-hidden="true"> · </span> : null}
      {publishedAt ? <time dateTime={publishedAt}>{formatDate(publishedAt)}</time> : null}
    </p>
  )
}

type ArticleListProps = {
  articles: ArticleSummary[]
  /** Listings sit under an h1 or an h2; the cards' titles take the next level. */
  headingLevel?: 'h2' | 'h3'
  showImages?: boolean
}

/** Article cards for listings: image, category, title, excerpt, byline and date. */
export function ArticleList({ articles, headingLevel = 'h2', showImages = true }: ArticleListProps) {
  const Heading = headingLevel
  return (
    <ul className="article-list">
      {articles.map((article) => (
        <li key={article.id} className="article-card">
          {showImages && article.image ? (
            <a href={article.href} tabIndex={-1} aria-hidden="true" className="article-card__image">
              <MediaImage image={article.image} sizes="(min-width: 36rem) 12rem, 6.5rem" decorative />
            </a>
          ) : null}
          <div className="article-card__text">
            {article.category ? <p className="kicker">{article.category.name}</p> : null}
            <Heading className="article-card__title">
              <a href={article.href}>{article.title}</a>
            </Heading>
            {article.excerpt ? <p className="article-card__excerpt">{article.excerpt}</p> : null}
            <CardMeta article={article} />
          </div>
        </li>
      ))}
    </ul>
  )
}
