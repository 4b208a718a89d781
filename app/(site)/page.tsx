import { getLatestArticles } from '@/lib/articles'

// The reader site's caching arrives with the reader-site issue; until then the home page is rendered per request.
export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const articles = await getLatestArticles({ limit: 20 })
  return (
    <>
      <h1>Latest</h1>
      {articles.length === 0 ? (
        <p>Nothing has been published yet.</p>
      ) : (
        <ul className="article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <h2>
                <a href={`/${article.category?.slug ?? 'news'}/${article.slug}`}>{article.title}</a>
              </h2>
              {article.excerpt ? <p>{article.excerpt}</p> : null}
              {article.publishedAt ? (
                <p>
                  <time dateTime={article.publishedAt}>
                    {new Date(article.publishedAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}
                  </time>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
