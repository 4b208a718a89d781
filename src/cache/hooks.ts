import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, GlobalAfterChangeHook, Payload, PayloadRequest, Plugin } from 'payload'

import { readRedisEnv } from '@/lib/env'

import { expireTags } from './expire'
import { forgetRecords } from './records'
import { tag } from './tags'
import { relationId, relationIds } from '@/lib/relationId'

type Doc = Record<string, unknown>

/** What the public sees of an article: only a published one. Saving a draft of an unpublished article changes nothing public. */
// On create Payload passes an empty previousDoc: no id, nothing public.
const isPublic = (doc: Doc | undefined) => doc?.id !== undefined && doc._status !== 'draft'

/**
 * The pages an article change can alter: its own page (under its old and new slug), and every
 * list it left or joined. Both versions count, so moving an article between categories, authors
 * or cast refreshes the old listing as well as the new one.
 */
export function articleTags(doc: Doc, previousDoc?: Doc): string[] {
  const versions = [doc, previousDoc].filter(isPublic) as Doc[]
  if (versions.length === 0) return []
  const tags = new Set<string>([tag.latest, tag.sitemap])
  for (const version of versions) {
    const id = relationId(version.id)
    if (id) tags.add(tag.article(id))
    if (typeof version.slug === 'string') tags.add(tag.articleUrl(version.slug))
    const category = relationId(version.category)
    if (category) tags.add(tag.inCategory(category))
    for (const author of relationIds(version.authors)) tags.add(tag.byAuthor(author))
    for (const member of relationIds(version.cast)) tags.add(tag.featuringCast(member))
    for (const articleTag of relationIds(version.tags)) tags.add(tag.taggedWith(articleTag))
    if (version.featured === true) tags.add(tag.featured)
  }
  return [...tags]
}

/**
 * A page change: its own page under its old and new path, and the sitemap. A subpage's path
 * names its parent, which the hook does not read: the page's own tag covers its rendering, and
 * the path tag (set by the page route from the path it served) covers a cached 404 at a new slug.
 */
export function pageTags(doc: Doc, previousDoc?: Doc): string[] {
  const versions = [doc, previousDoc].filter(isPublic) as Doc[]
  if (versions.length === 0) return []
  const tags = new Set<string>([tag.sitemap])
  for (const version of versions) {
    const id = relationId(version.id)
    if (id) tags.add(tag.page(id))
    if (typeof version.slug === 'string') tags.add(tag.pageUrl(version.slug))
  }
  return [...tags]
}

/** An article's comment thread changes when an approved comment appears, changes, or stops being approved. */
export function commentTags(doc: Doc, previousDoc?: Doc): string[] {
  const article = relationId(doc.article) ?? relationId(previousDoc?.article)
  const visible = doc.status === 'approved' || previousDoc?.status === 'approved'
  return article && visible ? [tag.comments(article)] : []
}

/** A profile's URL before and after the change: a new slug replaces a cached 404, an old one must become one. */
const slugsOf = (doc: Doc, previousDoc?: Doc) =>
  [doc.slug, previousDoc?.slug].filter((slug): slug is string => typeof slug === 'string')

const tagsFor: Record<string, (doc: Doc, previousDoc?: Doc) => string[]> = {
  articles: articleTags,
  comments: commentTags,
  authors: (doc, previousDoc) => [tag.author(String(doc.id)), ...slugsOf(doc, previousDoc).map(tag.authorUrl), tag.sitemap],
  cast: (doc, previousDoc) => [tag.cast(String(doc.id)), ...slugsOf(doc, previousDoc).map(tag.castUrl), tag.sitemap],
  pages: pageTags,
  categories: () => [tag.categories, tag.sitemap],
  tags: (doc, previousDoc) => [tag.articleTag(String(doc.id)), ...slugsOf(doc, previousDoc).map(tag.articleTagUrl), tag.sitemap],
  redirects: () => [tag.redirects],
  media: () => [tag.media],
}

/**
 * How this process asks the running server to expire tags. It signs with the configured secret,
 * the one the server's /revalidate route checks: `payload.secret` is a hash Payload derives from
 * it, which the route never sees (scheduled publishing was refused with 401 for that reason).
 */
export const serverExpiry = (payload: Payload) => ({
  secret: payload.config.secret,
  serverURL: payload.config.serverURL,
  logger: payload.logger,
  // Shared mode: published to every instance through the purge log instead (src/cache/expire.ts).
  redis: readRedisEnv(),
})

const expire = (req: PayloadRequest, tags: string[]) => expireTags(tags, serverExpiry(req.payload))

/**
 * After a change: its tags expire, or, when the caller has its own plan for the pages
 * (`context.disableRevalidate`), only this process's remembered records go. Those are read by
 * the server's own rules and notices too, which must not act on what was just changed.
 */
const expireOrForget = async (req: PayloadRequest, context: Record<string, unknown>, tags: string[]) => {
  if (context.disableRevalidate) forgetRecords(tags)
  else await expire(req, tags)
}

/**
 * On-demand revalidation for every collection the reader site shows: after a change, the tags of
 * the pages that show the document expire, and the next reader gets a freshly rendered page.
 * A Local API caller that has its own plan for the pages (the seed) passes `context.disableRevalidate`.
 */
export const revalidation: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => {
    const tagsOf = tagsFor[collection.slug]
    if (!tagsOf) return collection
    const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
      await expireOrForget(req, context, tagsOf(doc, previousDoc))
      return doc
    }
    const afterDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
      await expireOrForget(req, context, tagsOf(doc))
      return doc
    }
    return {
      ...collection,
      hooks: {
        ...collection.hooks,
        afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
        afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
      },
    }
  }),
  globals: (config.globals ?? []).map((global) => {
    if (global.slug !== 'discussion') return global
    const afterChange: GlobalAfterChangeHook = async ({ doc, req, context }) => {
      await expireOrForget(req, context, [tag.discussion])
      return doc
    }
    return { ...global, hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), afterChange] } }
  }),
})
