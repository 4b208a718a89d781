import type { ArticleSummary } from '@/lib/articles/types'

import { ArticleList } from '../ArticleList'

/** "Related stories" after an article: nothing at all when none are related. */
export function RelatedStories({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return null
  return (
    <section className="related-stories" aria-labelledby="related-stories-heading">
      <h2 id="related-stories-heading" className="section-heading">
        Related stories
      </h2>
      <ArticleList articles={articles} headingLevel="h3" />
    </section>
  )
}
