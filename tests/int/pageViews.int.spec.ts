import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Role } from '@/access/roles'
import type { ArticleView } from '@/payload-types'

import { ROLES } from '@/access/roles'
import { recordView, sharedBeaconDeps } from '@/pageViews/beacon'
import { ARTICLE_VIEWS, ViewCounter } from '@/pageViews/counter'
import { viewDay } from '@/pageViews/days'
import { getPopularArticleIds } from '@/pageViews/popular'
import { PublishedArticles } from '@/pageViews/publishedArticles'
import { RecentViewers } from '@/pageViews/recentViewers'

import type { Newsroom, StaffUser } from '../helpers/fixtures'

import { cleanupNewsroom, cleanupStaff, seedNewsroom, seedStaff } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { graphql, rest } from '../helpers/rest'

// The route reaches Payload through src/lib/payload, guarded by `server-only`, which throws outside Next's server build.
vi.mock('server-only', () => ({}))

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const
const DAY = 24 * 60 * 60 * 1000

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const READER = { 'user-agent': CHROME, 'sec-fetch-site': 'same-origin' }

let readerCounter = 0
/** A reader of their own (an address nobody else uses), unless the test names one. */
const anotherReader = () => {
  readerCounter += 1
  return { 'x-forwarded-for': `10.${Math.floor(readerCounter / 250) % 250}.${readerCounter % 250}.1` }
}

/** What navigator.sendBeacon sends for `new URLSearchParams({ article })` from our own page. */
const beacon = ({ body, headers = {} }: { body: string; headers?: Record<string, string> }) =>
  new Request('http://localhost:3000/views', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', ...READER, ...anotherReader(), ...headers },
    body,
  })
const form = (articleId: string) => new URLSearchParams({ article: articleId }).toString()

describe('Article views', () => {
  let payload: Payload
  let newsroom: Newsroom
  let staff: Record<Role, StaffUser>
  const articleIds: string[] = []

  async function publishedArticle(name: string, publishedAt?: Date) {
    const article = await payload.create({
      ...system,
      collection: 'articles',
      data: {
        title: `${name} ${newsroom.tag}`,
        slug: `${name}-${newsroom.tag}`,
        category: newsroom.categoryId,
        authors: [newsroom.authorId],
        _status: 'published',
        publishedAt: (publishedAt ?? new Date()).toISOString(),
      },
    })
    articleIds.push(article.id)
    return article.id
  }

  /** A fresh counter per test, flushed by the test only, with its own rows. */
  function beaconDeps() {
    const counter = new ViewCounter({ payload, instance: `test-${randomUUID()}`, flushEveryMs: null })
    return { counter, published: new PublishedArticles({ payload }), viewers: new RecentViewers({ secret: payload.secret }) }
  }

  const rowsOf = async (counter: ViewCounter) =>
    (await payload.find({ ...system, collection: ARTICLE_VIEWS, where: { instance: { equals: counter.instance } }, pagination: false })).docs

  beforeAll(async () => {
    payload = await getTestPayload()
    newsroom = await seedNewsroom(payload)
    articleIds.push(newsroom.published.id, newsroom.draft.id)
    staff = await seedStaff(payload, ROLES)
  })

  afterAll(async () => {
    await payload.delete({ ...system, collection: ARTICLE_VIEWS, where: { article: { in: articleIds } } })
    const extra = articleIds.filter((id) => id !== newsroom.published.id && id !== newsroom.draft.id)
    await payload.delete({ ...system, collection: 'articles', where: { id: { in: extra } } })
    await cleanupNewsroom(payload, newsroom)
    await cleanupStaff(payload, staff)
  })

  describe('the beacon', () => {
    it('counts a reader’s view of a published article and answers 204 at once, uncached', async () => {
      const { counter, published, viewers } = beaconDeps()
      const response = await recordView({ request: beacon({ body: form(newsroom.published.id) }), counter, published, viewers })
      expect(response.status).toBe(204)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(counter.pendingViews).toBe(1)
      expect(await rowsOf(counter)).toEqual([])
    })

    it('takes the bare id as text/plain too', async () => {
      const { counter, published, viewers } = beaconDeps()
      await recordView({ request: beacon({ body: newsroom.published.id, headers: { 'content-type': 'text/plain;charset=UTF-8' } }), counter, published, viewers })
      expect(counter.pendingViews).toBe(1)
    })

    const ignored: [string, (n: Newsroom) => { body: string; headers?: Record<string, string> }][] = [
      ['a search engine crawler', (n) => ({ body: form(n.published.id), headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' } })],
      ['a headless browser', (n) => ({ body: form(n.published.id), headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0.0.0 Safari/537.36' } })],
      ['a request without a user agent', (n) => ({ body: form(n.published.id), headers: { 'user-agent': '' } })],
      ['a prerendered page', (n) => ({ body: form(n.published.id), headers: { 'sec-purpose': 'prefetch;prerender' } })],
      ['a post from another site', (n) => ({ body: form(n.published.id), headers: { 'sec-fetch-site': 'cross-site' } })],
      ['a draft', (n) => ({ body: form(n.draft.id) })],
      ['an id that is no article', () => ({ body: form(randomUUID()) })],
      ['an id of the wrong shape for the database', () => ({ body: form('not-an-id') })],
      ['an id no database uses', () => ({ body: form('1; DROP TABLE articles') })],
      ['an empty body', () => ({ body: '' })],
      ['a body far bigger than an id', (n) => ({ body: `${form(n.published.id)}&padding=${'x'.repeat(1000)}` })],
    ]
    it.each(ignored)('ignores %s, and still answers 204', async (_, request) => {
      const { counter, published, viewers } = beaconDeps()
      const response = await recordView({ request: beacon(request(newsroom)), counter, published, viewers })
      expect(response.status).toBe(204)
      expect(counter.pendingViews).toBe(0)
    })

    it('remembers which articles are published for a while, then asks again', async () => {
      const id = await publishedArticle('cached')
      let clock = 0
      const published = new PublishedArticles({ payload, ttlMs: 60_000, now: () => clock })
      expect(await published.isPublished(id)).toBe(true)
      await payload.update({ ...system, collection: 'articles', id, data: { _status: 'draft' } })
      clock = 59_000
      expect(await published.isPublished(id)).toBe(true)
      clock = 60_000
      expect(await published.isPublished(id)).toBe(false)
    })

    it('shares one counter per process between requests', () => {
      const first = sharedBeaconDeps(payload)
      const second = sharedBeaconDeps(payload)
      expect(second.counter).toBe(first.counter)
      expect(second.published).toBe(first.published)
      first.counter.stop()
    })

    it('stops counting an article once it is unpublished', async () => {
      const id = await publishedArticle('unpublished-later')
      const { counter, published, viewers } = beaconDeps()
      await recordView({ request: beacon({ body: form(id) }), counter, published, viewers })
      await payload.update({ ...system, collection: 'articles', id, data: { _status: 'draft' } })
      // A new process (or a minute later): the published check asks the database again.
      const later = new PublishedArticles({ payload })
      await recordView({ request: beacon({ body: form(id) }), counter, published: later, viewers })
      expect(counter.pendingViews).toBe(1)
    })
  })

  describe('the beacon route, POST /views', () => {
    /** The route's own counter, flushed, then this article's views as stored. */
    const storedViews = async (articleId: string) => {
      const { counter } = sharedBeaconDeps(payload)
      await counter.flush()
      const rows = await payload.find({
        ...system,
        collection: ARTICLE_VIEWS,
        where: { and: [{ article: { equals: articleId } }, { instance: { equals: counter.instance } }] },
        pagination: false,
      })
      return rows.docs.reduce((sum, row) => sum + row.views, 0)
    }
    const post = async (articleId: string, headers: Record<string, string>) => {
      const { POST } = await import('../../app/(site)/views/route')
      const response = await POST(beacon({ body: form(articleId), headers }))
      expect(response.status).toBe(204)
    }

    it('counts 300 beacons from one reader as one view', async () => {
      const id = await publishedArticle('bought')
      const buyer = { 'x-forwarded-for': '192.0.2.66' }
      for (let i = 0; i < 300; i += 1) await post(id, buyer)
      expect(await storedViews(id)).toBe(1)
    })

    it('counts another reader, the same reader’s view of another article, and a second browser on a shared address', async () => {
      const [first, second] = [await publishedArticle('shared-a'), await publishedArticle('shared-b')]
      const office = { 'x-forwarded-for': '192.0.2.77' }
      await post(first, office)
      await post(first, { 'x-forwarded-for': '192.0.2.78' })
      await post(second, office)
      await post(first, { ...office, 'user-agent': CHROME.replace('Linux x86_64', 'Windows NT 10.0; Win64; x64') })
      await post(first, office)
      expect([await storedViews(first), await storedViews(second)]).toEqual([3, 1])
    })

    it('counts at most ten browsers per address and article, however the user agent is varied', async () => {
      const id = await publishedArticle('varied-agents')
      const buyer = { 'x-forwarded-for': '192.0.2.88' }
      for (let i = 0; i < 50; i += 1) await post(id, { ...buyer, 'user-agent': `${CHROME} Build/${i}` })
      expect(await storedViews(id)).toBe(10)
    })
  })

  describe('flushing', () => {
    it('writes a burst of views as one row per article and day, and adds later views to it', async () => {
      const { counter, published, viewers } = beaconDeps()
      const other = await publishedArticle('burst-other')
      await Promise.all(Array.from({ length: 40 }, () => recordView({ request: beacon({ body: form(newsroom.published.id) }), counter, published, viewers })))
      await recordView({ request: beacon({ body: form(other) }), counter, published, viewers })
      expect(await counter.flush()).toEqual({ written: 41, kept: 0, dropped: 0 })
      expect(counter.pendingViews).toBe(0)

      for (let i = 0; i < 9; i += 1) await recordView({ request: beacon({ body: form(newsroom.published.id) }), counter, published, viewers })
      expect(await counter.flush()).toEqual({ written: 9, kept: 0, dropped: 0 })

      const rows = await rowsOf(counter)
      const today = viewDay(new Date())
      expect(rows.map((row: ArticleView) => ({ article: row.article, day: row.day, views: row.views })).sort((a, b) => b.views - a.views)).toEqual([
        { article: newsroom.published.id, day: today, views: 49 },
        { article: other, day: today, views: 1 },
      ])
    })

    it('writes nothing when nothing was counted', async () => {
      const { counter } = beaconDeps()
      expect(await counter.flush()).toEqual({ written: 0, kept: 0, dropped: 0 })
      expect(await rowsOf(counter)).toEqual([])
    })

    it('keeps the counts of two processes apart, so neither overwrites the other', async () => {
      const one = beaconDeps()
      const two = beaconDeps()
      for (const { counter, published, viewers } of [one, two, one]) {
        await recordView({ request: beacon({ body: form(newsroom.published.id) }), counter, published, viewers })
        await counter.flush()
      }
      expect((await rowsOf(one.counter)).map((row) => row.views)).toEqual([2])
      expect((await rowsOf(two.counter)).map((row) => row.views)).toEqual([1])
    })
    it('drops the views of an article deleted before they were written, at the first flush', async () => {
      const { counter, published, viewers } = beaconDeps()
      const doomed = await publishedArticle('deleted-before-flush')
      await recordView({ request: beacon({ body: form(doomed) }), counter, published, viewers })
      await recordView({ request: beacon({ body: form(newsroom.published.id) }), counter, published, viewers })
      await payload.delete({ ...system, collection: 'articles', id: doomed })
      expect(await counter.flush()).toEqual({ written: 1, kept: 0, dropped: 1 })
      expect(counter.pendingViews).toBe(0)
      expect((await rowsOf(counter)).map((row) => row.article)).toEqual([newsroom.published.id])
    })
  })

  describe('ranking', () => {
    // A week of its own, far from the views the other tests count today.
    const now = new Date('2031-06-15T12:00:00Z')
    const daysAgo = (n: number) => viewDay(new Date(now.getTime() - n * DAY))
    let modest: string
    let steady: string
    let faded: string
    let unpublished: string

    async function views(article: string, day: string, count: number, instance = 'ranking-test') {
      await payload.create({ ...system, collection: ARTICLE_VIEWS, data: { article, day, views: count, instance } })
    }

    beforeAll(async () => {
      modest = await publishedArticle('modest', new Date(now.getTime() - 3 * DAY))
      steady = await publishedArticle('steady', new Date(now.getTime() - 9 * DAY))
      faded = await publishedArticle('faded', new Date(now.getTime() - 30 * DAY))
      unpublished = await publishedArticle('unpublished', new Date(now.getTime() - 2 * DAY))
      await views(modest, daysAgo(0), 5)
      await views(steady, daysAgo(6), 3)
      await views(steady, daysAgo(1), 2)
      // Another process's row for the same article and day adds up.
      await views(steady, daysAgo(1), 2, 'ranking-test-2')
      // A hundred views eight days ago and seven days ago are outside a seven-day window.
      await views(faded, daysAgo(8), 100)
      await views(faded, daysAgo(7), 100)
      await views(faded, daysAgo(0), 1)
      await views(newsroom.draft.id, daysAgo(0), 1000)
      await views(unpublished, daysAgo(0), 500)
      await payload.update({ ...system, collection: 'articles', id: unpublished, data: { _status: 'draft' } })
    })

    it('ranks published articles by their views over the last seven days', async () => {
      expect(await getPopularArticleIds({ payload, limit: 10, now })).toEqual([steady, modest, faded])
    })

    it('never ranks a draft or an unpublished article, however viewed', async () => {
      const ids = await getPopularArticleIds({ payload, limit: 10, now })
      expect(ids).not.toContain(newsroom.draft.id)
      expect(ids).not.toContain(unpublished)
    })

    it('returns at most `limit` ids', async () => {
      expect(await getPopularArticleIds({ payload, limit: 2, now })).toEqual([steady, modest])
    })

    it('leaves out the ids it is asked to', async () => {
      expect(await getPopularArticleIds({ payload, limit: 10, now, exclude: [steady] })).toEqual([modest, faded])
    })

    it('takes the window’s length in days', async () => {
      expect(await getPopularArticleIds({ payload, limit: 10, now, days: 1 })).toEqual([modest, faded])
      expect(await getPopularArticleIds({ payload, limit: 10, now, days: 9 })).toEqual([faded, steady, modest])
    })

    it('puts the newer article first when views are equal', async () => {
      const later = new Date(now.getTime() + 40 * DAY)
      const older = await publishedArticle('tie-older', new Date(later.getTime() - 5 * DAY))
      const newer = await publishedArticle('tie-newer', new Date(later.getTime() - 1 * DAY))
      await views(older, viewDay(later), 4)
      await views(newer, viewDay(later), 4)
      expect(await getPopularArticleIds({ payload, limit: 10, now: later })).toEqual([newer, older])
    })

    it('is empty while there are no views in the window, so the caller falls back to the newest', async () => {
      expect(await getPopularArticleIds({ payload, limit: 5, now: new Date('2040-01-01T00:00:00Z') })).toEqual([])
    })
  })

  describe('access', () => {
    let rowId: string
    beforeAll(async () => {
      const row = await payload.create({
        ...system,
        collection: ARTICLE_VIEWS,
        data: { article: newsroom.published.id, day: viewDay(new Date()), views: 7, instance: 'access-test' },
      })
      rowId = row.id
    })

    const viewsOfRow = async () => (await payload.findByID({ ...system, collection: ARTICLE_VIEWS, id: rowId })).views
    const rowCount = async () => (await payload.count({ ...system, collection: ARTICLE_VIEWS })).totalDocs

    it('lets no reader list or read view counts over REST', async () => {
      expect((await rest('GET', '/article-views')).status).toBe(403)
      expect((await rest('GET', `/article-views/${rowId}`)).status).toBe(403)
    })

    it.each<Role | 'anonymous'>(['anonymous', ...ROLES])('refuses every write by %s over REST', async (who) => {
      const token = who === 'anonymous' ? undefined : staff[who].token
      const before = await rowCount()
      const body = { article: newsroom.published.id, day: viewDay(new Date()), views: 1_000_000, instance: 'forged' }
      expect((await rest('POST', '/article-views', { token, body })).status).toBe(403)
      expect((await rest('PATCH', `/article-views/${rowId}`, { token, body: { views: 1_000_000 } })).status).toBe(403)
      expect((await rest('DELETE', `/article-views/${rowId}`, { token })).status).toBe(403)
      expect(await rowCount()).toBe(before)
      expect(await viewsOfRow()).toBe(7)
    })

    it.each(ROLES)('lets a %s read the counts', async (role) => {
      const { status, body } = await rest('GET', `/article-views/${rowId}`, { token: staff[role].token })
      expect(status).toBe(200)
      expect(body).toMatchObject({ id: rowId, views: 7 })
    })

    it('is not part of the GraphQL API', async () => {
      const anonymous = await graphql('{ ArticleViews { docs { id views } } }')
      const admin = await graphql('{ ArticleViews { docs { id views } } }', staff.admin.token)
      for (const result of [anonymous, admin]) {
        expect(result.data?.ArticleViews).toBeUndefined()
        expect(result.errors?.[0]?.message).toMatch(/Cannot query field "ArticleViews"/)
      }
      const mutation = await graphql(`mutation { createArticleView(data: { day: "2026-01-01", views: 1, instance: "x" }) { id } }`)
      expect(mutation.errors?.[0]?.message).toMatch(/Cannot query field "createArticleView"/)
    })

    it('keeps the Local API’s reader view out too', async () => {
      await expect(payload.find({ collection: ARTICLE_VIEWS, overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    })
  })
})
