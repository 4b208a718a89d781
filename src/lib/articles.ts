import 'server-only'

import type { Article, Category } from '@/payload-types'

import { getPayloadClient } from './payload'

export type ArticleSummary = Pick<Article, 'excerpt' | 'id' | 'publishedAt' | 'slug' | 'title'> & {
  category: Pick<Category, 'name' | 'slug'> | null
}

/**
 * The newest published articles. Reads pass overrideAccess: false, so the collection's access
 * rules (published only, for the public) decide what comes back, as they do over REST.
 */
export async function getLatestArticles({ limit = 20 }: { limit?: number } = {}): Promise<ArticleSummary[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    sort: '-publishedAt',
    limit,
    depth: 1,
    select: { title: true, slug: true, excerpt: true, publishedAt: true, category: true },
    populate: { categories: { name: true, slug: true } },
  })
  return docs.map((doc) => ({
    id: doc.id,
    title: doc.title,
    slug: doc.slug,
    excerpt: doc.excerpt,
    publishedAt: doc.publishedAt,
    category: typeof doc.category === 'object' && doc.category ? { name: doc.category.name, slug: doc.category.slug } : null,
  }))
}
