import 'server-only'

import type { Article } from '@/payload-types'
import type { ArticleView, CategoryRef } from './types'

import { cache } from 'react'
import { PUBLIC_ARTICLES } from '@/access/canReadArticle'
import { articlePageTags } from '@/cache/pageTags'
import { tag } from '@/cache/tags'
import { findPublicRows } from '@/db/belowPayload'
import { getCategories } from '../categories'
import { findByIds } from '../findDocuments'
import { imageRef } from '../media'
import { getPayloadClient } from '../payload'
import { countWords, readingMinutes } from '@/articles/readingTime'
import { getAuthors, getCastMembers, getMedia, getTags } from '../references'
import { relationId, relationIds } from '../relationId'
import { collectReferences, fillReferences } from '../richTextReferences'
import { articleHref, tagHref } from '../urls'
import { tagPage } from '@/cache/tagPage'
import { SUMMARY_SELECT, categoryOf, lookUp } from './cards'
import { authorRef, castRef } from './types'

const ARTICLE_SELECT = { ...SUMMARY_SELECT, content: true, cast: true, tags: true, commentsOpen: true, updatedAt: true, meta: true } as const

/**
 * One published article by slug, as stored (depth 0): toArticleView fills in what it refers to.
 * Cached per request (page and metadata share it).
 *
 * Read through the database adapter's own find, as the public's access rule reads articles
 * (published only, src/access/canReadArticle.ts): Payload's find operation around it added
 * access checks and a read traversal of every field, 2.9 ms against 1.8 ms for the reference
 * article. The adapter reads the collection's own rows, which hold what was last published
 * (a draft saved on top lives in the versions until it is published), so drafts stay out; the
 * article view copies named fields only.
 */
const findPublishedArticle = cache(async (slug: string): Promise<ArticleDoc | null> => {
  const payload = await getPayloadClient()
  const [article] = await findPublicRows<Article>({
    payload,
    collection: 'articles',
    publicFilter: PUBLIC_ARTICLES,
    where: { slug: { equals: slug } },
    select: ARTICLE_SELECT,
    limit: 1,
  })
  return article ?? null
})

type ArticleLookup = { status: 'found'; article: ArticleView } | { status: 'moved'; href: string } | { status: 'missing' }

/**
 * The article page's data. An article lives at its own category's URL; asked for under another
 * category, the lookup says where it moved so the page can redirect permanently.
 */
export async function getArticle({ category, slug }: { category: string; slug: string }): Promise<ArticleLookup> {
  // Whatever the answer, it is cached under the slug: publishing an article here replaces a 404
  // or a redirect, and so does a subpage published at this path (src/lib/sitePages.ts).
  await tagPage([tag.articleUrl(slug), tag.pageUrl(slug)])
  const doc = await findPublishedArticle(slug)
  if (!doc) return { status: 'missing' }
  const own = categoryOf(await getCategories(), doc.category)
  if (!own) return { status: 'missing' }
  if (own.slug !== category) return { status: 'moved', href: articleHref({ categorySlug: own.slug, slug: doc.slug }) }

  const article = await articleView(doc, own)
  await tagPage(articlePageTags(article))
  return { status: 'found', article }
}

/** The view is built once per request however many times the page and its metadata ask. */
const articleView = cache((doc: ArticleDoc, category: CategoryRef) => toArticleView(doc, category))

/** An article as the page reads it: the fields of ARTICLE_SELECT. */
type ArticleDoc = Pick<Article, 'id' | keyof typeof ARTICLE_SELECT>

/**
 * Published articles linked from a body, as internal links need them (slug and category). Read
 * as the public, so a link to an unpublished article comes back missing and reads as plain text.
 */
async function getLinkedArticles(ids: string[]): Promise<Map<string, { id: string; title: string; slug: string; category: CategoryRef | null }>> {
  if (ids.length === 0) return new Map()
  const [docs, categories] = await Promise.all([
    findByIds({ collection: 'articles', ids, overrideAccess: false, sort: 'id', select: { title: true, slug: true, category: true } }),
    getCategories(),
  ])
  return new Map(docs.map((doc) => [doc.id, { id: doc.id, title: doc.title, slug: doc.slug, category: categoryOf(categories, doc.category) }]))
}

/**
 * The article page's view of a stored article. Its authors, cast, images and everything its body
 * refers to are looked up once per collection (src/lib/references.ts, src/lib/richTextReferences.ts)
 * rather than through Payload's population, which read each related document in full, with
 * every field hook, twice over for depth 2 (an article page spent 20 ms there).
 */
async function toArticleView(doc: ArticleDoc, category: CategoryRef): Promise<ArticleView> {
  const inBody = collectReferences(doc.content)
  const authorIds = relationIds(doc.authors)
  const castIds = relationIds(doc.cast)
  const tagIds = relationIds(doc.tags)
  const heroId = relationId(doc.heroImage)
  const ogId = relationId(doc.meta?.image)
  const [authors, cast, media, articles, tags] = await Promise.all([
    getAuthors([...authorIds, ...inBody.authors]),
    getCastMembers([...castIds, ...inBody.cast]),
    getMedia([heroId, ogId, ...inBody.media]),
    getLinkedArticles(inBody.articles),
    getTags(tagIds),
  ])
  const content = doc.content ? fillReferences(doc.content, { authors, cast, media, articles }) : doc.content
  const hero = media.get(heroId ?? '')
  const words = countWords(content)
  return {
    id: doc.id,
    title: doc.title,
    slug: doc.slug,
    href: articleHref({ categorySlug: category.slug, slug: doc.slug }),
    excerpt: doc.excerpt ?? null,
    publishedAt: doc.publishedAt ?? null,
    category,
    authors: lookUp(authorIds, authors).map(authorRef),
    cast: lookUp(castIds, cast).map(castRef),
    tags: lookUp(tagIds, tags).map((t) => ({ id: t.id, name: t.name, slug: t.slug, href: tagHref(t.slug) })),
    hero: imageRef(hero, 'hero'),
    // The sharing image an editor chose wins over the hero.
    ogImage: imageRef(media.get(ogId ?? ''), 'og') ?? imageRef(hero, 'og'),
    seo: { title: doc.meta?.title || null, description: doc.meta?.description || null },
    content,
    updatedAt: doc.updatedAt,
    commentsOpen: doc.commentsOpen !== false,
    wordCount: words,
    readingMinutes: readingMinutes(words),
  }
}

/**
 * A rich-text body as reader pages render it, with the authors, cast, images and published
 * articles it links to filled in (a page's body; the article view does the same for its own).
 */
export async function fillBody(content: Article['content']): Promise<Article['content']> {
  if (!content) return content
  const inBody = collectReferences(content)
  const [authors, cast, media, articles] = await Promise.all([
    getAuthors(inBody.authors),
    getCastMembers(inBody.cast),
    getMedia(inBody.media),
    getLinkedArticles(inBody.articles),
  ])
  return fillReferences(content, { authors, cast, media, articles })
}

/**
 * The newest draft of an article, as the article page shows it: for staff previews only. The
 * caller (src/preview) has checked a signed preview token first; readers never reach this.
 */
export async function getDraftArticle(id: string): Promise<ArticleView | null> {
  const payload = await getPayloadClient()
  const doc = await payload.findByID({
    collection: 'articles',
    id,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
    depth: 0,
    select: ARTICLE_SELECT,
  })
  const category = doc ? categoryOf(await getCategories(), doc.category) : null
  return doc && category && doc.slug ? toArticleView(doc, category) : null
}
