import 'server-only'

import { tag } from '@/cache/tags'
import { getCategories } from '../categories'
import { getPayloadClient } from '../payload'
import { articleHref } from '../urls'
import { tagPage } from '@/cache/tagPage'
import { categoryOf } from './cards'

/** Every published article's URL and last change, for the sitemap. */
export async function getPublishedArticleUrls(): Promise<{ href: string; updatedAt: string }[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    pagination: false,
    depth: 0,
    sort: '-publishedAt',
    select: { slug: true, category: true, updatedAt: true },
  })
  await tagPage([tag.sitemap])
  const categories = await getCategories()
  return docs.flatMap((doc) => {
    const category = categoryOf(categories, doc.category)
    // An article without a category has no canonical URL; its link elsewhere redirects, so it is left out.
    return category ? [{ href: articleHref({ categorySlug: category.slug, slug: doc.slug }), updatedAt: doc.updatedAt }] : []
  })
}
