import type { ArticleSummary } from '@/lib/articles'

import { formatDate } from '@/lib/dates'

import { MediaImage } from '../MediaImage'

type ArticleListProps = {
  articles: ArticleSummary[]
  /** Listings sit under an h1 or an h2; the cards' titles take the next level. */
  headingLevel?: 'h2' | 'h3'
  showImages?: boolean
}

/** Article cards for listings: image, category, title, excerpt, date. */
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
            {article.publishedAt ? (
              <p className="article-card__date">
                <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  )
}
