import type { ArticleView } from './articles/types'

import { SITE_NAME } from './siteName'
import { absoluteUrl, siteOrigin } from './urls'

/** schema.org NewsArticle for the article page (headline, authors, dates, image, publisher). */
export function newsArticleJsonLd(article: ArticleView): Record<string, unknown> {
  const images = [article.ogImage, article.hero].filter((image) => image !== null).map((image) => absoluteUrl(image.src))
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': absoluteUrl(article.href) },
    headline: article.title,
    description: article.excerpt ?? undefined,
    image: images.length > 0 ? images : undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    articleSection: article.category.name,
    keywords: article.tags.length > 0 ? article.tags.map((t) => t.name) : undefined,
    wordCount: article.wordCount,
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: absoluteUrl(author.href) })),
    publisher: { '@type': 'Organization', name: SITE_NAME, url: siteOrigin() },
  }
}
