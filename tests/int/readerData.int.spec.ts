import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { forgetAllRecords } from '@/cache/records'
import { getArticle } from '@/lib/articles/article'
import { getArticlesInCategories, getLatestArticles } from '@/lib/articles/listings'
import { getMostPopular } from '@/lib/articles/popular'
import { getApprovedComments } from '@/comments/thread'
import { block, doc, image, internalLink, p } from '@/seed/lexical'
import { placeholderImage } from '@/seed/images'

import { uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'

// src/lib modules guard against client bundles with `server-only`, which throws outside Next's server build.
vi.mock('server-only', () => ({}))

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const

type Tree = { type?: string; children?: Tree[]; [key: string]: unknown }
type Populated = { slug?: string; name?: string; filename?: string; category?: { slug?: string }; photo?: { filename?: string } }

/**
 * What a reader's page shows of every reference in a body: the linked document's slug (and an
 * article's category), an image's file, a cast member's photo; `id:` for a reference left unfilled.
 */
function shownReferences(content: unknown): string[] {
  const shown: string[] = []
  const show = (value: unknown) => {
    if (typeof value === 'string') return `id:${value}`
    const v = value as Populated
    return [v.slug, v.name, v.filename, v.category?.slug, v.photo?.filename].filter(Boolean).join('|')
  }
  const walk = (node: Tree) => {
    if (node.type === 'upload') shown.push(`upload ${show(node.value)}`)
    if (node.type === 'link') {
      const linked = (node.fields as { doc?: { relationTo: string; value: unknown } }).doc
      if (linked) shown.push(`link ${linked.relationTo} ${show(linked.value)}`)
    }
    if (node.type === 'block') {
      const fields = node.fields as { blockType: string; castMembers?: unknown[]; castMember?: unknown }
      for (const member of fields.castMembers ?? []) shown.push(`${fields.blockType} ${show(member)}`)
      if (fields.castMember) shown.push(`${fields.blockType} ${show(fields.castMember)}`)
    }
    for (const child of node.children ?? []) walk(child)
  }
  walk((content as { root: Tree }).root)
  return shown
}

describe('Reader page data', () => {
  let payload: Payload
  const tag = uniqueTag()
  const made: { collection: 'articles' | 'authors' | 'cast' | 'categories' | 'media'; id: string }[] = []
  let ids: { category: string; author: string; cast: string; photo: string; linked: string; unpublished: string; article: string }

  const create = async (collection: (typeof made)[number]['collection'], args: Record<string, unknown>) => {
    const created = (await payload.create({ ...system, collection, ...args } as never)) as unknown as { id: string }
    made.unshift({ collection, id: created.id })
    return created
  }

  beforeAll(async () => {
    payload = await getTestPayload()
    const png = await placeholderImage({ seed: tag, width: 64, height: 64, motif: 'scene' })
    const photo = await create('media', { data: { alt: `Photo ${tag}` }, file: { data: png, mimetype: 'image/png', name: `${tag}.png`, size: png.length } })
    const category = await create('categories', { data: { name: `Cat ${tag}`, slug: `cat-${tag}` } })
    const author = await create('authors', { data: { name: `Author ${tag}`, slug: `author-${tag}`, avatar: photo.id, bio: 'Writes things.' } })
    const cast = await create('cast', { data: { name: `Actor ${tag}`, slug: `actor-${tag}`, character: 'Someone', photo: photo.id } })
    const base = { category: category.id, authors: [author.id] }
    const linked = await create('articles', { data: { ...base, title: `Linked ${tag}`, slug: `linked-${tag}`, _status: 'published', publishedAt: new Date(Date.now() - 60_000).toISOString() } })
    const unpublished = await create('articles', { draft: true, data: { ...base, title: `Unpublished ${tag}`, slug: `unpublished-${tag}`, _status: 'draft' } })
    const article = await create('articles', {
      data: {
        ...base,
        title: `Article ${tag}`,
        slug: `article-${tag}`,
        _status: 'published',
        publishedAt: new Date().toISOString(),
        heroImage: photo.id,
        cast: [cast.id],
        content: doc(
          p('See ', internalLink('articles', linked.id, 'the earlier story'), ', not ', internalLink('articles', unpublished.id, 'the next one'), '.'),
          p(internalLink('cast', cast.id, 'the actor'), ' and ', internalLink('authors', author.id, 'the author')),
          image(photo.id, 'A still'),
          block('castSpotlight', { heading: 'Lead', castMembers: [cast.id] }),
          block('pullQuote', { quote: 'Hello.', attribution: 'The actor', castMember: cast.id }),
        ),
      },
    })
    ids = { category: category.id, author: author.id, cast: cast.id, photo: photo.id, linked: linked.id, unpublished: unpublished.id, article: article.id }
    forgetAllRecords()
  })

  afterAll(async () => {
    for (const { collection, id } of made) await payload.delete({ ...system, collection, where: { id: { equals: id } } })
    forgetAllRecords()
  })

  const load = async () => {
    const lookup = await getArticle({ category: `cat-${tag}`, slug: `article-${tag}` })
    if (lookup.status !== 'found') throw new Error(`article not found: ${lookup.status}`)
    return lookup.article
  }

  describe('the article page', () => {
    it('fills in every reference of the body as Payload’s own population does for the public', async () => {
      const article = await load()
      const { docs } = await payload.find({
        collection: 'articles',
        overrideAccess: false,
        where: { id: { equals: ids.article } },
        depth: 2,
      })
      expect(shownReferences(article.content)).toEqual(shownReferences(docs[0]?.content))
      // And concretely: the unpublished article's link is left as an id, so it renders as text.
      expect(shownReferences(article.content)).toContain(`link articles id:${ids.unpublished}`)
      expect(shownReferences(article.content)).toContain(`link articles linked-${tag}|cat-${tag}`)
      expect(shownReferences(article.content)).toContain(`castSpotlight actor-${tag}|Actor ${tag}|${tag}.webp`)
    })

    it('shows its category, authors with avatars, cast with photos and hero image', async () => {
      const article = await load()
      expect(article.category).toEqual({ id: ids.category, name: `Cat ${tag}`, slug: `cat-${tag}` })
      expect(article.authors).toEqual([
        expect.objectContaining({ id: ids.author, name: `Author ${tag}`, href: `/authors/author-${tag}`, bio: 'Writes things.', avatar: expect.objectContaining({ alt: `Photo ${tag}` }) }),
      ])
      expect(article.cast).toEqual([expect.objectContaining({ id: ids.cast, character: 'Someone', photo: expect.objectContaining({ src: expect.stringContaining('/api/media/file/') }) })])
      expect(article.hero).toEqual(expect.objectContaining({ alt: `Photo ${tag}`, width: 64, height: 64 }))
      expect(article.ogImage).not.toBeNull()
    })

    it('redirects from another category’s URL and knows nothing of drafts', async () => {
      expect(await getArticle({ category: 'elsewhere', slug: `article-${tag}` })).toEqual({ status: 'moved', href: `/cat-${tag}/article-${tag}` })
      expect(await getArticle({ category: `cat-${tag}`, slug: `unpublished-${tag}` })).toEqual({ status: 'missing' })
    })

    it('shows an author’s new name at the next read once the change is announced by the collection hooks', async () => {
      expect((await load()).authors[0]?.name).toBe(`Author ${tag}`)
      // Without disableRevalidate: the revalidation plugin expires the author's tags, and the
      // remembered author goes with them.
      await payload.update({ collection: 'authors', id: ids.author, data: { name: `Renamed ${tag}` }, overrideAccess: true })
      expect((await load()).authors[0]?.name).toBe(`Renamed ${tag}`)
      const latest = await getLatestArticles({ limit: 50 })
      expect(latest.docs.find((a) => a.id === ids.article)?.authors).toEqual([{ id: ids.author, name: `Renamed ${tag}`, href: `/authors/author-${tag}` }])
    })

    it('drops an image that is deleted from what pages show', async () => {
      const png = await placeholderImage({ seed: `${tag}-2`, width: 32, height: 32, motif: 'scene' })
      const extra = await create('media', { data: { alt: `Extra ${tag}` }, file: { data: png, mimetype: 'image/png', name: `${tag}-2.png`, size: png.length } })
      await payload.update({ collection: 'articles', id: ids.article, data: { heroImage: extra.id }, overrideAccess: true })
      expect((await load()).hero?.alt).toBe(`Extra ${tag}`)
      await payload.delete({ collection: 'media', id: extra.id, overrideAccess: true })
      expect((await load()).hero).toBeNull()
    })
    it('shows what was last published, not a draft saved on top of it', async () => {
      await payload.update({ ...system, collection: 'articles', id: ids.article, draft: true, data: { title: `Draft ${tag}`, _status: 'draft' } })
      try {
        const shown = await load()
        expect(shown.title).toBe(`Article ${tag}`)
        expect(JSON.stringify(shown)).not.toContain(`Draft ${tag}`)
      } finally {
        await payload.update({ ...system, collection: 'articles', id: ids.article, data: { title: `Article ${tag}`, _status: 'published' } })
      }
      expect((await load()).title).toBe(`Article ${tag}`)
    })
  })

  describe('the article page’s comments', () => {
    // The thread is read through the database adapter, not Payload's find operation
    // (src/comments/thread.ts): its filter and selection are the whole access rule for this read.
    it('are the approved ones only, replies under what they answer, oldest first, with nothing private', async () => {
      const made: string[] = []
      const add = async (name: string, status: string, minutesAgo: number, parent?: string) => {
        const created = await payload.create({
          ...system,
          collection: 'comments',
          data: {
            article: ids.article,
            parent,
            authorName: name,
            authorEmail: `${name.toLowerCase()}-${tag}@example.net`,
            authorUrl: name === 'Ada' ? 'https://ada.example.net/' : undefined,
            body: `${name} says ${tag}`,
            status,
            notifyOnReply: true,
            createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
          },
        } as never)
        made.push((created as unknown as { id: string }).id)
        return (created as unknown as { id: string }).id
      }
      try {
        const first = await add('Ada', 'approved', 50)
        const held = await add('Held', 'pending', 40)
        await add('Spammer', 'spam', 30)
        await add('Bea', 'approved', 20, first)
        await add('Cy', 'approved', 10, held)
        await add('Trashed', 'trash', 5)

        const { count, thread } = await getApprovedComments({ articleId: ids.article })
        expect(count).toBe(3)
        // A reply to a comment nobody can see stands at the top level: a moderator approved it.
        const shape = (nodes: typeof thread): unknown[] => nodes.map((c) => [c.authorName, shape(c.replies)])
        expect(shape(thread)).toEqual([
          ['Ada', [['Bea', []]]],
          ['Cy', []],
        ])
        expect(thread[0]).toEqual({
          id: first,
          authorName: 'Ada',
          authorUrl: 'https://ada.example.net/',
          body: `Ada says ${tag}`,
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          replies: [expect.objectContaining({ authorName: 'Bea', authorUrl: null })],
        })
        const shown = JSON.stringify(thread)
        for (const secret of ['@example.net', 'Held', 'Spammer', 'Trashed', 'pending', 'ipHash', 'notifyOnReply', 'userAgent']) expect(shown).not.toContain(secret)
      } finally {
        for (const id of made.reverse()) await payload.delete({ ...system, collection: 'comments', id })
      }
    })
  })

  describe('a category listing', () => {
    const firstPage = () => getArticlesInCategories({ categoryIds: [ids.category], page: 1, limit: 1 })

    it('counts its articles for the page links, and counts again once one is published or unpublished', async () => {
      const first = await firstPage()
      expect(first.docs.map((a) => a.id)).toEqual([ids.article])
      expect({ totalDocs: first.totalDocs, totalPages: first.totalPages }).toEqual({ totalDocs: 2, totalPages: 2 })
      // Without disableRevalidate: the hooks expire the category's list, and the remembered count with it.
      await payload.update({ collection: 'articles', id: ids.unpublished, data: { _status: 'published' }, overrideAccess: true })
      const republished = await firstPage()
      expect({ totalDocs: republished.totalDocs, totalPages: republished.totalPages }).toEqual({ totalDocs: 3, totalPages: 3 })
      await payload.update({ collection: 'articles', id: ids.unpublished, data: { _status: 'draft' }, overrideAccess: true })
      expect((await firstPage()).totalDocs).toBe(2)
    })

    it('shows an article’s new title, and loses it once unpublished, at the next read', async () => {
      const first = async () => (await firstPage()).docs.map((a) => a.title)
      const latest = async () => (await getLatestArticles({ limit: 50 })).docs.map((a) => a.title)
      expect(await first()).toEqual([`Article ${tag}`])
      expect(await latest()).toContain(`Article ${tag}`)
      // Written as the seed writes (disableRevalidate): pages are left to the writer's own plan,
      // but the lists this process remembers go at once.
      await payload.update({ ...system, collection: 'articles', id: ids.article, data: { title: `Retitled ${tag}` } })
      try {
        expect(await first()).toEqual([`Retitled ${tag}`])
        expect(await latest()).toContain(`Retitled ${tag}`)
        await payload.update({ ...system, collection: 'articles', id: ids.article, data: { _status: 'draft' } })
        expect(await first()).toEqual([`Linked ${tag}`])
        expect(await latest()).not.toContain(`Retitled ${tag}`)
      } finally {
        await payload.update({ ...system, collection: 'articles', id: ids.article, data: { title: `Article ${tag}`, _status: 'published' } })
      }
      expect(await first()).toEqual([`Article ${tag}`])
    })

    it('reads a later page with its own count', async () => {
      const second = await getArticlesInCategories({ categoryIds: [ids.category], page: 2, limit: 1 })
      expect(second.docs.map((a) => a.id)).toEqual([ids.linked])
      expect({ page: second.page, totalDocs: second.totalDocs, totalPages: second.totalPages }).toEqual({ page: 2, totalDocs: 2, totalPages: 2 })
    })
  })

  describe('Most Popular', () => {
    it('never lists the article it sits beside, nor an unpublished one', async () => {
      const popular = await getMostPopular({ limit: 5, excludeId: ids.linked })
      expect(popular.articles.map((a) => a.id)).not.toContain(ids.linked)
      expect(popular.articles.map((a) => a.id)).not.toContain(ids.unpublished)
      expect(popular.articles.length).toBeLessThanOrEqual(5)
    })

    it('drops an article at once when it is unpublished', async () => {
      expect((await getMostPopular({ limit: 50 })).articles.map((a) => a.id)).toContain(ids.linked)
      await payload.update({ collection: 'articles', id: ids.linked, data: { _status: 'draft' }, overrideAccess: true })
      expect((await getMostPopular({ limit: 50 })).articles.map((a) => a.id)).not.toContain(ids.linked)
    })
  })
})
