/**
 * Cache tags, shared by the readers that tag cached data and the hooks that invalidate it, so a
 * tag is spelled in exactly one place. The reader site renders per request for now; these are
 * the names on-demand revalidation will use when page caching is switched on.
 */
export const TAGS = {
  articles: 'articles',
  article: (slug: string) => `article:${slug}`,
  categories: 'categories',
  category: (slug: string) => `category:${slug}`,
  author: (slug: string) => `author:${slug}`,
  cast: (slug: string) => `cast:${slug}`,
  comments: (articleId: string) => `comments:${articleId}`,
  mostPopular: 'most-popular',
} as const
