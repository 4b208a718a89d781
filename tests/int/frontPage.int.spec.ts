import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { forgetAllRecords } from '@/cache/records'
import { getRelatedArticles } from '@/lib/articles/related'
import { getAuthor } from '@/lib/people'

import { uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'

// src/lib modules guard against client bundles with `server-only`, which throws outside Next's server build.
vi.mock('server-only', () => ({}))

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const

/**
 * Issue #11's front page data: Related stories (tags, cast, category; published only, never the
 * article itself) and the articles an author's page and feed list, with the authors on each card.
 * Read as the reader site reads them, through src/lib.
 */
describe('Front page', () => {
  let payload: Payload
  const tag = uniqueTag()
  const made: { collection: 'articles' | 'authors' | 'cast' | 'categories' | 'tags'; id: string }[] = []
  const ids = {} as Record<'tv' | 'film' | 'author' | 'tag' | 'cast' | 'subject' | 'byTag' | 'byCast' | 'byCategory' | 'unrelated' | 'draft' | 'unpublished', string>

  const create = async (collection: (typeof made)[number]['collection'], data: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const created = (await payload.create({ ...system, collection, data, ...extra } as never)) as unknown as { id: string }
    made.unshift({ collection, id: created.id })
    return created.id
  }
  const article = (title: string, data: Record<string, unknown>, status: 'draft' | 'published' = 'published') =>
    create(
      'articles',
      { title: `${title} ${tag}`, slug: `${title.toLowerCase().replace(/\W+/g, '-')}-${tag}`, authors: [ids.author], _status: status, ...data },
      status === 'draft' ? { draft: true } : {},
    )

  beforeAll(async () => {
    payload = await getTestPayload()
    ids.tv = await create('categories', { name: `TV ${tag}`, slug: `tv-${tag}` })
    ids.film = await create('categories', { name: `Film ${tag}`, slug: `film-${tag}` })
    ids.author = await create('authors', { name: `Ana ${tag}`, slug: `ana-${tag}` })
    ids.tag = await create('tags', { name: `Heartstopper ${tag}`, slug: `heartstopper-${tag}` })
    ids.cast = await create('cast', { name: `Kit ${tag}`, slug: `kit-${tag}` })
    ids.subject = await article('Subject', { category: ids.tv, tags: [ids.tag], cast: [ids.cast], publishedAt: '2026-12-01T00:00:00.000Z' })
    ids.byTag = await article('Same tag', { category: ids.film, tags: [ids.tag], publishedAt: '2020-01-01T00:00:00.000Z' })
    ids.byCast = await article('Same cast', { category: ids.film, cast: [ids.cast], publishedAt: '2026-11-01T00:00:00.000Z' })
    ids.byCategory = await article('Same category', { category: ids.tv, publishedAt: '2026-11-02T00:00:00.000Z' })
    ids.unrelated = await article('Unrelated', { category: ids.film, publishedAt: '2026-11-03T00:00:00.000Z' })
    ids.draft = await article('Draft on the tag', { category: ids.tv, tags: [ids.tag], cast: [ids.cast] }, 'draft')
    ids.unpublished = await article('Unpublished', { category: ids.tv, tags: [ids.tag], publishedAt: '2026-11-04T00:00:00.000Z' })
    // Published once, then taken down: its row stays, as a draft.
    await payload.update({ ...system, collection: 'articles', id: ids.unpublished, data: { _status: 'draft' } })
    forgetAllRecords()
  })

  afterAll(async () => {
    for (const { collection, id } of made) await payload.delete({ ...system, collection, id })
  })

  const subjectView = () => ({ id: ids.subject, category: { id: ids.tv, name: 'TV', slug: `tv-${tag}` }, tags: [{ id: ids.tag, name: '', slug: '', href: '' }], cast: [{ id: ids.cast, name: '', slug: '', href: '', character: null, photo: null }] })

  describe('Related stories', () => {
    it('ranks what shares a tag, then cast, then the category, and leaves out the rest', async () => {
      const related = await getRelatedArticles({ article: subjectView() })
      expect(related.map((a) => a.id)).toEqual([ids.byTag, ids.byCast, ids.byCategory])
    })

    it('never shows a draft or an unpublished article, nor the article itself', async () => {
      const shown = (await getRelatedArticles({ article: subjectView() })).map((a) => a.id)
      expect(shown).not.toContain(ids.draft)
      expect(shown).not.toContain(ids.unpublished)
      expect(shown).not.toContain(ids.subject)
    })

    it('names the authors on each card', async () => {
      const [first] = await getRelatedArticles({ article: subjectView() })
      expect(first?.authors).toEqual([{ id: ids.author, name: `Ana ${tag}`, href: `/authors/ana-${tag}` }])
    })

    it('drops an article unpublished since the list was remembered', async () => {
      await getRelatedArticles({ article: subjectView() })
      await payload.update({ ...system, collection: 'articles', id: ids.byCast, data: { _status: 'draft' } })
      const shown = (await getRelatedArticles({ article: subjectView() })).map((a) => a.id)
      expect(shown).not.toContain(ids.byCast)
      await payload.update({ ...system, collection: 'articles', id: ids.byCast, data: { _status: 'published' } })
    })
  })

  describe('author page and feed', () => {
    it('lists the author’s published articles only, newest first', async () => {
      forgetAllRecords()
      const found = await getAuthor({ slug: `ana-${tag}` })
      const listed = found?.articles.map((a) => a.id) ?? []
      expect(listed).toEqual([ids.subject, ids.unrelated, ids.byCategory, ids.byCast, ids.byTag])
      expect(listed).not.toContain(ids.draft)
      expect(listed).not.toContain(ids.unpublished)
    })
  })
})
