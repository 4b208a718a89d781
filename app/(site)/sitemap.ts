import type { MetadataRoute } from 'next'

import { getPublishedArticleUrls } from '@/lib/articles'
import { getCategories } from '@/lib/categories'
import { getPeopleUrls } from '@/lib/people'
import { absoluteUrl, categoryHref } from '@/lib/urls'

// Per request: the origin is runtime configuration, and an unpublished article must leave at once.
export const dynamic = 'force-dynamic'

/** Every public page: home, categories, published articles, authors and cast. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, categories, people] = await Promise.all([getPublishedArticleUrls(), getCategories(), getPeopleUrls()])
  return [
    { url: absoluteUrl('/'), changeFrequency: 'hourly' },
    ...categories.map((category) => ({ url: absoluteUrl(categoryHref(category.slug)), changeFrequency: 'hourly' as const })),
    ...articles.map((article) => ({ url: absoluteUrl(article.href), lastModified: article.updatedAt })),
    ...people.authors.map((href) => ({ url: absoluteUrl(href) })),
    ...people.cast.map((href) => ({ url: absoluteUrl(href) })),
  ]
}
