import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Article } from '@/payload-types'

import type { SearchEngine } from '@/search/types'

import { searchArticles } from '@/lib/articles/search'
import { backfillArticleSearchText } from '@/migrations/backfillArticleSearchText'
import { engineFor, SEARCH_MAX_RESULTS, searchArticles as searchIndex } from '@/search'
import { likeEngine } from '@/search/engines/like'
import { doc, p } from '@/seed/lexical'

import { writeAsStoredBefore } from '../helpers/belowPayload'
import { uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { graphql, rest } from '../helpers/rest'

// src/lib modules guard against client bundles with `server-only`, which throws outside Next's server build.
vi.mock('server-only', () => ({}))

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const
const DAY = 24 * 3_600_000

describe('Search', () => {
  let payload: Payload
  // Every article carries the tag as a word, and every query includes it: results stay this file's own.
  const tag = uniqueTag()
  let categoryId: string
  let authorId: string
  const articles: Record<string, Article> = {}

  /** An article whose body is the given paragraphs; `daysAgo` orders the results. */
  const create = async (
    key: string,
    { title, body, daysAgo, draft = false, excerpt = '' }: { title: string; body: string[]; daysAgo: number; draft?: boolean; excerpt?: string },
  ) => {
    articles[key] = await payload.create({
      ...system,
      collection: 'articles',
      draft,
      data: {
        title: `${title} ${tag}`,
        slug: `${key}-${tag}`,
        excerpt: `Filed under ${tag}.${excerpt ? ` ${excerpt}` : ''}`,
        content: doc(...body.map((text) => p(text))),
        category: categoryId,
        authors: [authorId],
        _status: draft ? 'draft' : 'published',
        publishedAt: draft ? undefined : new Date(Date.now() - daysAgo * DAY).toISOString(),
      },
    })
  }

  /** The slugs' keys of what a reader's search returns, in order. */
  const search = async (query: string, options: { page?: number; limit?: number; countUpTo?: number } = {}) => {
    const result = await searchArticles({ query: `${tag} ${query}`, ...options })
    return { ...result, keys: result.docs.map((d) => d.slug.replace(`-${tag}`, '')) }
  }

  beforeAll(async () => {
    payload = await getTestPayload()
    categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `Cat ${tag}`, slug: `cat-${tag}` } })).id
    authorId = (await payload.create({ ...system, collection: 'authors', data: { name: `Author ${tag}`, slug: `author-${tag}` } })).id
    await create('harbour', { title: 'Harbour news', body: ['The lighthouse keeper opened a Café by the quay.'], daysAgo: 1 })
    await create('bees', { title: 'Country notes', body: ['A keeper of bees tells her story.'], daysAgo: 2 })
    await create('percent', { title: 'Sale', body: ['A discount of 50% on snake_case signs.'], daysAgo: 3 })
    // For ranking: the same word in the title (twice, a day apart), the excerpt and the body, the body's newest.
    await create('in-body', { title: 'Road closures', body: ['The marathon closes roads.'], daysAgo: 7 })
    await create('in-excerpt', { title: 'Weekend', excerpt: 'The marathon route is out.', body: ['Details inside.'], daysAgo: 8 })
    await create('in-title-newer', { title: 'Marathon day', body: ['Crowds expected.'], daysAgo: 9 })
    await create('in-title', { title: 'Marathon history', body: ['A long story.'], daysAgo: 10 })
    await create('runner', { title: 'Morning people', body: ['She runs every morning before work.'], daysAgo: 11 })
    await create('lookalike', { title: 'Sale again', body: ['A discount of 500 on snakeycase signs.'], daysAgo: 4 })
    await create('secret', { title: 'Unannounced', body: ['The lighthouse secret, not yet published.'], daysAgo: 0, draft: true })
    await create('withdrawn', { title: 'Withdrawn', body: ['A retracted claim about quicksilver.'], daysAgo: 5 })
    await payload.update({ ...system, collection: 'articles', id: articles.withdrawn.id, data: { _status: 'draft' } })
    // A published article with newer, unpublished work on top.
    await create('revised', { title: 'Revised', body: ['The first cut mentions a glacier.'], daysAgo: 6 })
    await payload.update({
      ...system,
      collection: 'articles',
      id: articles.revised.id,
      draft: true,
      data: { content: doc(p('The second cut adds a zeppelin.')) },
    })
  })

  afterAll(async () => {
    await payload.delete({ ...system, collection: 'articles', where: { title: { like: tag } } })
    await payload.delete({ ...system, collection: 'authors', where: { id: { equals: authorId } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
  })

  describe('matching', () => {
    it('finds a word that appears only in the body', async () => {
      expect((await search('lighthouse')).keys).toEqual(['harbour'])
    })

    it.each([
      ['case', 'LIGHTHOUSE'],
      ['accents the text has', 'cafe'],
      ['accents the text lacks', 'lîghthouse'],
    ])('ignores %s: %s', async (_, query) => {
      expect((await search(query)).keys).toEqual(['harbour'])
    })

    it('needs every word, in any order, across title, excerpt and body', async () => {
      expect((await search('keeper')).keys).toEqual(['harbour', 'bees'])
      expect((await search('keeper harbour')).keys).toEqual(['harbour'])
      expect((await search('quay filed keeper')).keys).toEqual(['harbour'])
      expect((await search('lighthouse bees')).keys).toEqual([])
    })

    it('pages through the results in the database, newest first', async () => {
      const first = await search('keeper', { limit: 1 })
      expect({ keys: first.keys, totalDocs: first.totalDocs, totalPages: first.totalPages }).toEqual({ keys: ['harbour'], totalDocs: 2, totalPages: 2 })
      expect((await search('keeper', { page: 2, limit: 1 })).keys).toEqual(['bees'])
      expect((await search('keeper', { page: 3, limit: 1 })).keys).toEqual([])
    })

    it('counts exactly only up to a cap, then says there are more, with a link one page on', async () => {
      const capped = await search('keeper', { limit: 1, countUpTo: 1 })
      expect({ keys: capped.keys, totalDocs: capped.totalDocs, more: capped.more, totalPages: capped.totalPages }).toEqual({ keys: ['harbour'], totalDocs: 1, more: true, totalPages: 2 })
      // On the next page the count reaches past it, and the end is known.
      const next = await search('keeper', { page: 2, limit: 1, countUpTo: 1 })
      expect({ keys: next.keys, totalDocs: next.totalDocs, more: next.more, totalPages: next.totalPages }).toEqual({ keys: ['bees'], totalDocs: 2, more: false, totalPages: 2 })
      // Within the cap, the count is exact and nothing more is promised.
      const exact = await search('keeper', { limit: 1, countUpTo: 2 })
      expect({ totalDocs: exact.totalDocs, more: exact.more, totalPages: exact.totalPages }).toEqual({ totalDocs: 2, more: false, totalPages: 2 })
    })

    // Words are runs of letters and digits, in the index and the query alike.
    it.each([
      ['50%', ['percent']],
      ['snake_case', ['percent']],
    ])('reads %s by its words, so a lookalike does not match', async (query, expected) => {
      expect((await search(query)).keys).toEqual(expected)
    })

    it('adds nothing for punctuation alone', async () => {
      expect((await search('%')).keys).toEqual((await search('')).keys)
    })
  })

  describe('ranking', () => {
    it('puts title matches first, then excerpt, then body, newest first among equals', async () => {
      expect((await search('marathon')).keys).toEqual(['in-title-newer', 'in-title', 'in-excerpt', 'in-body'])
    })

    it('answers with the database’s full-text engine, not the fallback', async () => {
      const found = await searchIndex({ payload, query: `${tag} marathon` })
      expect(found.engine).toBe(process.env.BYLINE_TEST_DB === 'postgres' ? 'postgres-fts' : 'sqlite-fts5')
      expect(found.hits.map((hit) => hit.rank)).toEqual([2, 2, 1, 0])
    })

    it('matches other forms of a word', async () => {
      expect((await search('running')).keys).toEqual(['runner'])
      expect((await search('run')).keys).toEqual(['runner'])
      expect((await search('mornings')).keys).toEqual(['runner'])
    })

    it('marks the matched words, their other forms too, in the title, excerpt and a snippet of the body', async () => {
      const [result] = (await searchArticles({ query: `${tag} running morning` })).docs
      const marked = (parts: { text: string; mark: boolean }[] | null | undefined) => (parts ?? []).filter((part) => part.mark).map((part) => part.text)
      expect(result?.slug).toBe(`runner-${tag}`)
      expect(marked(result?.highlighted.title)).toEqual(['Morning', tag])
      expect(marked(result?.highlighted.excerpt)).toEqual([tag])
      expect(marked(result?.highlighted.snippet)).toEqual(['runs', 'morning'])
      expect(result?.highlighted.snippet?.map((part) => part.text).join('')).toContain('She runs every morning before work.')
    })

    it('falls back to like, newest first, when the full-text engine fails', async () => {
      const broken: SearchEngine = { name: engineFor(payload).name, find: async () => Promise.reject(new Error('no such table: articles_fts')) }
      const found = await searchIndex({ payload, query: `${tag} marathon`, engine: broken })
      expect(found.engine).toBe('like')
      expect(found.hits.map((hit) => hit.id)).toEqual([articles['in-body'], articles['in-excerpt'], articles['in-title-newer'], articles['in-title']].map((a) => a?.id))
    })

    it('keeps drafts out of the fallback too', async () => {
      const hits = await likeEngine.find({ payload, terms: [], query: `${tag} lighthouse`, limit: 10 })
      expect(hits.map((hit) => hit.id)).toEqual([articles.harbour?.id])
    })

    // Search syntax is never read from a query: FTS5's operators and column filters, tsquery's, SQL.
    it.each(['"', 'lighthouse"', 'NEAR(lighthouse keeper)', 'title:lighthouse', 'lighthouse OR zeppelin', 'light*', "'; DROP TABLE articles; --", '\\ & | ! <->'])(
      'answers %s as words, with the full-text engine',
      async (query) => {
        const found = await searchIndex({ payload, query: `${tag} ${query}` })
        expect(found.engine).not.toBe('like')
        expect(found.hits.every((hit) => Object.values(articles).some((a) => a.id === hit.id))).toBe(true)
      },
    )

    it('finds the words of a query typed with operators, and nothing it does not say', async () => {
      expect((await search('title:lighthouse')).keys).toEqual([])
      expect((await search('lighthouse"')).keys).toEqual(['harbour'])
      expect((await search('lighthouse OR zeppelin')).keys).toEqual([])
    })

    it('bounds what a query may ask for', async () => {
      expect((await searchIndex({ payload, query: `${tag} marathon`, limit: 1 })).totalPages).toBe(4)
      expect((await searchIndex({ payload, query: `${tag} marathon`, page: SEARCH_MAX_RESULTS + 1, limit: 1 })).hits).toEqual([])
      expect((await searchIndex({ payload, query: `${tag} marathon`, page: 1.5 })).hits).toEqual([])
      // Past eight words the rest is ignored, so the ninth (found nowhere) cannot narrow the search.
      const long = await searchIndex({ payload, query: `${tag} marathon marathons marathoning filed files filing under nowhere` })
      expect({ terms: long.terms.length, found: long.totalDocs }).toEqual({ terms: 8, found: 4 })
    })
  })

  describe('what readers can find', () => {
    // Nor counts one: the count and page links must not tell readers an unpublished match exists.
    it('never returns or counts a draft', async () => {
      expect(await search('secret')).toMatchObject({ keys: [], totalDocs: 0, totalPages: 0, more: false })
    })

    it('never returns or counts an unpublished article', async () => {
      expect(await search('quicksilver')).toMatchObject({ keys: [], totalDocs: 0, totalPages: 0, more: false })
    })

    it('matches the published text of an article, not its newer draft', async () => {
      expect((await search('glacier')).keys).toEqual(['revised'])
      expect((await search('zeppelin')).keys).toEqual([])
    })

    // The search text repeats an article's title, excerpt and body, so it may be read exactly
    // where they may: on published articles. A draft's must not answer a query or a read.
    it('keeps a draft’s search text from REST readers, whether they read or query it', async () => {
      const read = await rest('GET', `/articles?where[title][contains]=${tag}&draft=true&limit=50`)
      expect(read.status).toBe(200)
      const byId = new Map<string, { searchText?: string }>(read.body.docs.map((d: { id: string; searchText?: string }) => [d.id, d]))
      expect(byId.has(articles.secret.id)).toBe(false)
      expect(byId.get(articles.harbour.id)?.searchText).toContain('lighthouse')
      const probe = await rest('GET', `/articles?where[searchText][like]=secret&where[title][contains]=${tag}&draft=true`)
      expect(probe.status).toBe(200)
      expect(probe.body.docs).toEqual([])
      const direct = await rest('GET', `/articles/${articles.secret.id}?draft=true`)
      expect(direct.body?.searchText).toBeUndefined()
    })

    it('keeps a draft’s search text from GraphQL readers', async () => {
      const read = await graphql(`{ Articles(draft: true, limit: 50, where: { title: { contains: "${tag}" } }) { docs { id searchText } } }`)
      const texts: string[] = read.data.Articles.docs.map((d: { searchText: string | null }) => d.searchText ?? '')
      expect(texts.some((text) => text.includes('secret') || text.includes('zeppelin'))).toBe(false)
      const probe = await graphql(`{ Articles(draft: true, where: { searchText: { like: "zeppelin" } }) { docs { id } } }`)
      expect(probe.data.Articles.docs).toEqual([])
    })
  })

  describe('keeping up with edits', () => {
    it('matches the new body after an edit and forgets the old one', async () => {
      await payload.update({ ...system, collection: 'articles', id: articles.bees.id, data: { content: doc(p('A keeper of wasps now.')) } })
      expect((await search('wasps')).keys).toEqual(['bees'])
      expect((await search('keeper bees')).keys).toEqual([])
    })

    it('computes the text itself, whatever a client sends', async () => {
      await payload.update({ ...system, collection: 'articles', id: articles.harbour.id, data: { searchText: 'planted' } })
      expect((await search('planted')).keys).toEqual([])
      expect((await search('lighthouse')).keys).toEqual(['harbour'])
    })

    it('drops an article on unpublishing, finds it again on publishing, and forgets it on deletion', async () => {
      await create('ephemeral', { title: 'Zebra crossing', body: ['Stripes.'], daysAgo: 12 })
      const id = articles.ephemeral?.id ?? ''
      expect((await search('zebra')).keys).toEqual(['ephemeral'])
      await payload.update({ ...system, collection: 'articles', id, data: { _status: 'draft' } })
      expect(await search('zebra')).toMatchObject({ keys: [], totalDocs: 0, more: false })
      await payload.update({ ...system, collection: 'articles', id, data: { _status: 'published' } })
      expect((await search('zebras')).keys).toEqual(['ephemeral'])
      await payload.delete({ ...system, collection: 'articles', id })
      expect(await search('zebra')).toMatchObject({ keys: [], totalDocs: 0 })
    })

    it('ranks by the new title after an edit', async () => {
      await payload.update({ ...system, collection: 'articles', id: articles['in-body']?.id ?? '', data: { title: `Marathon road closures ${tag}` } })
      expect((await search('marathon')).keys).toEqual(['in-body', 'in-title-newer', 'in-title', 'in-excerpt'])
    })

    it('finds the draft text once it is published', async () => {
      await payload.update({ ...system, collection: 'articles', id: articles.revised.id, data: { _status: 'published' } })
      expect((await search('zeppelin')).keys).toEqual(['revised'])
      expect((await search('glacier')).keys).toEqual([])
    })
  })

  describe('the migration backfill', () => {
    it('fills the text of articles and versions saved before the field existed', async () => {
      const ids = Object.values(articles).map((a) => a.id)
      await writeAsStoredBefore({ payload, collection: 'articles', ids, data: { searchText: null } })
      const versions = await payload.findVersions({ ...system, collection: 'articles', where: { parent: { in: ids } }, limit: 0, pagination: false })
      expect((await search('lighthouse')).keys).toEqual([])

      await backfillArticleSearchText({ payload, req: await createLocalReq({}, payload) })

      expect((await search('lighthouse')).keys).toEqual(['harbour'])
      const filled = await payload.findVersions({ ...system, collection: 'articles', where: { parent: { in: ids } }, limit: 0, pagination: false })
      expect(filled.docs.length).toBe(versions.docs.length)
      for (const version of filled.docs) expect(version.version.searchText).toContain(tag)
      // The backfill writes one column: relationships survive it.
      const harbour = await payload.findByID({ ...system, collection: 'articles', id: articles.harbour.id })
      expect(harbour.authors).toEqual([authorId])
    })
  })
})
