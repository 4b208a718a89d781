import type { SearchResult } from '@/lib/articles/search'
import type { TextPart } from '@/search'

import { CardMeta } from '../ArticleList'
import { MediaImage } from '../MediaImage'

/** Text with the search's matched words in <mark>; every part is rendered as text, so React escapes it. */
function Marked({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, index) => (part.mark ? <mark key={index}>{part.text}</mark> : part.text))}
    </>
  )
}

/** Search results as article cards, best first: the matched words marked in the title, excerpt and a snippet of the body. */
export function SearchResults({ results }: { results: SearchResult[] }) {
  return (
    <ol className="article-list search-results">
      {results.map((result) => (
        <li key={result.id} className="article-card">
          {result.image ? (
            <a href={result.href} tabIndex={-1} aria-hidden="true" className="article-card__image">
              <MediaImage image={result.image} sizes="(min-width: 36rem) 12rem, 6.5rem" decorative />
            </a>
          ) : null}
          <div className="article-card__text">
            {result.category ? <p className="kicker">{result.category.name}</p> : null}
            <h2 className="article-card__title">
              <a href={result.href}>
                <Marked parts={result.highlighted.title} />
              </a>
            </h2>
            {result.highlighted.excerpt ? (
              <p className="article-card__excerpt">
                <Marked parts={result.highlighted.excerpt} />
              </p>
            ) : null}
            {result.highlighted.snippet ? (
              <p className="search-results__snippet">
                <Marked parts={result.highlighted.snippet} />
              </p>
            ) : null}
            <CardMeta article={result} />
          </div>
        </li>
      ))}
    </ol>
  )
}
