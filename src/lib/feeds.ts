import 'server-only'

import { summaryTags } from '@/cache/pageTags'
import { tag } from '@/cache/tags'
import { tagPage } from '@/cache/tagPage'

import type { ArticleSummary } from './articles/types'
import type { FeedItem } from './rss'

import { getLatestArticles, getNewestInCategories, getNewestTagged } from './articles/listings'
import { getCategoryWithDescendants } from './categories'
import { getTagBySlug } from './listings'
import { getAuthor } from './people'
import { renderRss } from './rss'
import { SITE_NAME } from './siteName'
import { absoluteUrl, authorHref, categoryHref, tagHref } from './urls'

/** How many of the newest articles a feed carries; readers poll, so older ones are already known. */
const FEED_SIZE = 30

export const feedHref = (categorySlug?: string) => (categorySlug ? `${categoryHref(categorySlug)}/feed.xml` : '/feed.xml')

export const authorFeedHref = (authorSlug: string) => `${authorHref(authorSlug)}/feed.xml`

const toItem = (article: ArticleSummary): FeedItem => ({
  title: article.title,
  link: absoluteUrl(article.href),
  description: article.excerpt,
  publishedAt: article.publishedAt,
  authors: article.authors.map((author) => author.name),
  categories: article.category ? [article.category.name] : [],
})

/** The whole site's feed: the newest published articles. */
export async function getSiteFeed(): Promise<string> {
  const { docs } = await getLatestArticles({ limit: FEED_SIZE })
  await tagPage([tag.latest, ...summaryTags(docs)])
  return renderRss({
    title: SITE_NAME,
    link: absoluteUrl('/'),
    self: absoluteUrl(feedHref()),
    description: `News, culture and entertainment from the ${SITE_NAME} newsroom.`,
    items: docs.map(toItem),
  })
}

/** A category's feed, subcategories included, or null for an unknown category. */
export async function getCategoryFeed({ slug }: { slug: string }): Promise<string | null> {
  const found = await getCategoryWithDescendants({ slug })
  if (!found) {
    await tagPage([tag.categories])
    return null
  }
  const docs = await getNewestInCategories({ categoryIds: found.ids, limit: FEED_SIZE })
  await tagPage([tag.categories, ...found.ids.map(tag.inCategory), ...summaryTags(docs)])
  return renderRss({
    title: `${SITE_NAME}: ${found.category.name}`,
    link: absoluteUrl(categoryHref(found.category.slug)),
    self: absoluteUrl(feedHref(found.category.slug)),
    description: `The latest ${found.category.name.toLowerCase()} stories from ${SITE_NAME}.`,
    items: docs.map(toItem),
  })
}

/** A tag's feed, or null for an unknown tag. */
export async function getTagFeed({ slug }: { slug: string }): Promise<string | null> {
  const found = await getTagBySlug(slug)
  if (!found) {
    await tagPage([tag.articleTagUrl(slug)])
    return null
  }
  const docs = await getNewestTagged({ tagId: found.id, limit: FEED_SIZE })
  await tagPage([tag.articleTag(found.id), tag.articleTagUrl(slug), tag.taggedWith(found.id), tag.categories, ...summaryTags(docs)])
  return renderRss({
    title: `${SITE_NAME}: ${found.name}`,
    link: absoluteUrl(tagHref(found.slug)),
    self: absoluteUrl(`${tagHref(found.slug)}/feed.xml`),
    description: found.description ?? `Stories tagged ${found.name} on ${SITE_NAME}.`,
    items: docs.map(toItem),
  })
}

/** An author's feed: their newest published articles, or null for an unknown author. */
export async function getAuthorFeed({ slug }: { slug: string }): Promise<string | null> {
  const found = await getAuthor({ slug })
  if (!found) {
    // A profile created later at this slug replaces the cached 404.
    await tagPage([tag.authorUrl(slug)])
    return null
  }
  const { author } = found
  const docs = found.articles.slice(0, FEED_SIZE)
  await tagPage([tag.author(author.id), tag.authorUrl(slug), tag.byAuthor(author.id), tag.categories, ...summaryTags(docs)])
  return renderRss({
    title: `${SITE_NAME}: ${author.name}`,
    link: absoluteUrl(author.href),
    self: absoluteUrl(authorFeedHref(author.slug)),
    description: author.bio ?? `Stories by ${author.name} on ${SITE_NAME}.`,
    items: docs.map(toItem),
  })
}

/** A feed route's answer: the RSS, or a plain-text 404 that says what was not found. */
export function feedResponse(feed: string | null, notFound: string): Response {
  if (feed === null) return new Response(`${notFound}\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(feed, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
