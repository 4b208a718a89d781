import type { MostPopular as MostPopularData } from '@/lib/articles/popular'

/** The "Most Popular" widget: a numbered list of titles. */
export function MostPopular({ data }: { data: MostPopularData }) {
  if (data.articles.length === 0) return null
  return (
    <aside className="most-popular" aria-labelledby="most-popular-heading" data-ranking={data.ranking}>
      <h2 id="most-popular-heading">Most Popular</h2>
      <ol>
        {data.articles.map((article) => (
          <li key={article.id}>
            <a href={article.href}>{article.title}</a>
            {article.category ? <span className="most-popular__category">{article.category.name}</span> : null}
          </li>
        ))}
      </ol>
    </aside>
  )
}
