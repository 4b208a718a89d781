import type { MetadataRoute } from 'next'

import { getPublishedArticleUrls } from '@/lib/articles/sitemap'
import { getCategories } from '@/lib/categories'
import { getPeopleUrls } from '@/lib/people'
import { getPublishedPageUrls } from '@/lib/sitePages'
import { getTagUrls } from '@/lib/listings'
import { absoluteUrl, categoryHref } from '@/lib/urls'

// Cached until any published article or page, category, tag, author or cast member changes (src/cache).
export const revalidate = 3600

/** Every public page: home, categories, published articles and pages, tags, authors and cast. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, categories, people, pages, tags] = await Promise.all([getPublishedArticleUrls(), getCategories(), getPeopleUrls(), getPublishedPageUrls(), getTagUrls()])
  return [
    { url: absoluteUrl('/'), changeFrequency: 'hourly' },
    ...categories.map((category) => ({ url: absoluteUrl(categoryHref(category.slug)), changeFrequency: 'hourly' as const })),
    ...articles.map((article) => ({ url: absoluteUrl(article.href), lastModified: article.updatedAt })),
    ...pages.map((page) => ({ url: absoluteUrl(page.href), lastModified: page.updatedAt })),
    ...tags.map((href) => ({ url: absoluteUrl(href), changeFrequency: 'daily' as const })),
    ...people.authors.map((href) => ({ url: absoluteUrl(href) })),
    ...people.cast.map((href) => ({ url: absoluteUrl(href) })),
  ]
}
