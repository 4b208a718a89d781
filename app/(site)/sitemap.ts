import type { MetadataRoute } from 'next'

import { tag } from '@/cache/tags'
import { tagPage } from '@/cache/tagPage'
import { getPublishedArticleUrls } from '@/lib/articles'
import { getCategories } from '@/lib/categories'
import { getPeopleUrls } from '@/lib/people'
import { absoluteUrl, categoryHref } from '@/lib/urls'

// Cached until any published article, category, author or cast member changes (src/cache).
export const revalidate = 3600

/** Every public page: home, categories, published articles, authors and cast. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, categories, people] = await Promise.all([getPublishedArticleUrls(), getCategories(), getPeopleUrls()])
  await tagPage([tag.sitemap, tag.categories])
  return [
    { url: absoluteUrl('/'), changeFrequency: 'hourly' },
    ...categories.map((category) => ({ url: absoluteUrl(categoryHref(category.slug)), changeFrequency: 'hourly' as const })),
    ...articles.map((article) => ({ url: absoluteUrl(article.href), lastModified: article.updatedAt })),
    ...people.authors.map((href) => ({ url: absoluteUrl(href) })),
    ...people.cast.map((href) => ({ url: absoluteUrl(href) })),
  ]
}
