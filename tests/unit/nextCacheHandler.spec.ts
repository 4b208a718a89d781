import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { IncrementalCache } from 'next/dist/server/lib/incremental-cache'
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache'
import nodeFs from 'next/dist/server/lib/node-fs-methods'
import RenderResult from 'next/dist/server/render-result'
import ResponseCache from 'next/dist/server/response-cache'
import type { GetIncrementalFetchCacheContext, GetIncrementalResponseCacheHandlerContext } from 'next/dist/server/response-cache'
import { afterEach, describe, expect, it } from 'vitest'

import { createCacheHandler, createCacheState, type CacheState, type PurgeLogLike } from '@/cache/nextCacheHandler.mjs'
import type { PurgeListener, PurgeLogState } from '@/cache/purgeLog'

/**
 * The handler's contract with Next 16.4: driven through Next's own IncrementalCache (the class
 * every request makes) where the keys and contexts matter, and directly where only our rules do.
 */

const ARTICLE_ROUTE = { kind: 'APP_PAGE', sourceRoute: '/(site)/[category]/[slug]/page' } as const
const FEED_ROUTE = { kind: 'APP_ROUTE', sourceRoute: '/(site)/feed.xml/route' } as const
// Next declares its cache kinds as const enums, which isolated modules cannot name: the same string, typed.
const PAGE_CONTEXT = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false } as unknown as GetIncrementalResponseCacheHandlerContext
const fetchContext = (softTags: string[]) => ({ kind: 'FETCH', tags: ['categories'], softTags }) as unknown as GetIncrementalFetchCacheContext

const page = (html: string, tags: string[]) => ({
  kind: 'APP_PAGE' as const,
  html,
  rscData: Buffer.from(`rsc:${html}`),
  headers: { 'x-next-cache-tags': tags.join(',') },
  postponed: undefined,
  status: 200,
  segmentData: undefined,
})

const feed = (body: string, tags: string[]) => ({
  kind: 'APP_ROUTE' as const,
  body: Buffer.from(body),
  headers: { 'x-next-cache-tags': tags.join(','), 'content-type': 'application/rss+xml' },
  status: 200,
})

const manifest = { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: { previewModeId: 'p', previewModeSigningKey: 's', previewModeEncryptionKey: 'e' } }

/** What Next makes for each request: an IncrementalCache over a new instance of our handler. */
function nextRequest(Handler: ReturnType<typeof createCacheHandler>, serverDistDir?: string) {
  return new IncrementalCache({
    dev: false,
    fs: nodeFs.nodeFs,
    serverDistDir,
    requestHeaders: {},
    previewProps: manifest.preview,
    prerenderManifest: manifest as never,
    CurCacheHandler: Handler,
  })
}

type Handler = InstanceType<ReturnType<typeof createCacheHandler>>

/** A stand-in for the purge log's small surface, so each rule can be driven step by step. */
class LogDouble implements PurgeLogLike {
  state: PurgeLogState = 'live'
  lastId: string | null = '0-0'
  published: string[][] = []
  listeners = new Set<PurgeListener>()
  async publish(tags: Iterable<string>) {
    this.published.push([...tags])
    return null
  }
  subscribe(listener: PurgeListener) {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  deliver(id: string, tags: string[]) {
    this.lastId = id
    for (const listener of this.listeners) listener.onPurge?.({ id, tags, origin: 'elsewhere' })
  }
  degrade() {
    this.state = 'degraded'
    for (const listener of this.listeners) listener.onDegraded?.('test')
  }
  recover() {
    this.state = 'live'
    for (const listener of this.listeners) listener.onRecovered?.()
  }
}

const tempDirs: string[] = []
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('Next cache handler', () => {
  describe('through Next’s IncrementalCache', () => {
    it('serves a stored page until one of its tags expires, then makes the next reader wait for a render', async () => {
      const Handler = createCacheHandler({ state: createCacheState(), log: () => null })
      const first = nextRequest(Handler)
      expect(await first.get('/news/a-story', { kind: 'APP_PAGE', isFallback: false, route: ARTICLE_ROUTE } as never)).toBeNull()
      await first.set('/news/a-story', page('<p>v1</p>', ['article:a-story', '_N_T_/news/a-story']) as never, { route: ARTICLE_ROUTE, cacheControl: { revalidate: 3600, expire: undefined } } as never)

      const hit = await nextRequest(Handler).get('/news/a-story', { kind: 'APP_PAGE', isFallback: false, route: ARTICLE_ROUTE } as never)
      expect(hit?.value).toMatchObject({ kind: 'APP_PAGE', html: '<p>v1</p>' })
      expect(hit?.isStale).toBeFalsy()

      await nextRequest(Handler).revalidateTag(['article:a-story'], { expire: 0 })
      expect(await nextRequest(Handler).get('/news/a-story', { kind: 'APP_PAGE', isFallback: false, route: ARTICLE_ROUTE } as never)).toBeNull()
    })

    it('expires a route handler (a feed) by the tags in its headers', async () => {
      const Handler = createCacheHandler({ state: createCacheState(), log: () => null })
      const request = nextRequest(Handler)
      await request.get('/feed.xml', { kind: 'APP_ROUTE', isFallback: false, route: FEED_ROUTE } as never)
      await request.set('/feed.xml', feed('<rss/>', ['articles']) as never, { route: FEED_ROUTE, cacheControl: { revalidate: 3600, expire: undefined } } as never)
      expect((await nextRequest(Handler).get('/feed.xml', { kind: 'APP_ROUTE', isFallback: false, route: FEED_ROUTE } as never))?.value).toMatchObject({ kind: 'APP_ROUTE' })
      await nextRequest(Handler).revalidateTag('articles')
      expect(await nextRequest(Handler).get('/feed.xml', { kind: 'APP_ROUTE', isFallback: false, route: FEED_ROUTE } as never)).toBeNull()
    })

    it('expires an unstable_cache entry by its own tags and by the page tags it is read under', async () => {
      const Handler = createCacheHandler({ state: createCacheState(), log: () => null })
      const store = async (key: string) => {
        const request = nextRequest(Handler)
        expect(await request.get(key, fetchContext(['_N_T_/news']))).toBeNull()
        await request.set(key, { kind: 'FETCH', data: { headers: {}, body: '[1]', url: '', status: 200 }, revalidate: 60 } as never, { fetchCache: true, tags: ['categories'] })
        expect((await nextRequest(Handler).get(key, fetchContext(['_N_T_/news'])))?.value).toMatchObject({ kind: 'FETCH' })
      }
      await store('k1')
      await nextRequest(Handler).revalidateTag('_N_T_/news')
      expect(await nextRequest(Handler).get('k1', fetchContext(['_N_T_/news']))).toBeNull()
      await store('k2')
      await nextRequest(Handler).revalidateTag('categories')
      expect(await nextRequest(Handler).get('k2', fetchContext([]))).toBeNull()
    })

    it('through Next’s ResponseCache, a render during which the page’s tags expire is served once and not kept', async () => {
      const Handler = createCacheHandler({ state: createCacheState(), log: () => null })
      const responses = new ResponseCache({ minimalMode: false, route: ARTICLE_ROUTE as never })
      let renders = 0
      const render = (during?: () => Promise<void>) => async () => {
        renders += 1
        await during?.()
        return {
          value: { kind: 'APP_PAGE', html: RenderResult.fromStatic(`<p>render ${renders}</p>`, 'text/html; charset=utf-8'), rscData: Buffer.from('rsc'), headers: { 'x-next-cache-tags': 'article:a-story' }, postponed: undefined, status: 200, segmentData: undefined },
          cacheControl: { revalidate: 3600, expire: undefined },
        }
      }
      const request = (during?: () => Promise<void>) =>
        responses.get('/news/a-story', render(during) as never, { routeKind: 'APP_PAGE', incrementalCache: nextRequest(Handler), isOnDemandRevalidate: false, isFallback: false, isRoutePPREnabled: false } as never)

      // The editor's change is committed and expired while the first render is under way.
      await request(() => nextRequest(Handler).revalidateTag(['article:a-story'], { expire: 0 }))
      await request()
      expect(renders).toBe(2)
      // The second render began after the change: kept, and the third request is answered from it.
      await request()
      expect(renders).toBe(2)
    })

    it('never serves a page left on disk by Next’s own cache or an earlier process', async () => {
      const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-handler-'))
      tempDirs.push(dist)
      // Next's default handler writes the page under the build directory, where every process would find it.
      const before = new IncrementalCache({
        dev: false,
        fs: nodeFs.nodeFs,
        serverDistDir: dist,
        flushToDisk: true,
        requestHeaders: {},
        previewProps: manifest.preview,
        prerenderManifest: manifest as never,
        CurCacheHandler: FileSystemCache as never,
      })
      await before.set('/news/a-story', page('<p>old</p>', ['article:a-story']) as never, { route: ARTICLE_ROUTE, cacheControl: { revalidate: 3600, expire: undefined } } as never)
      expect(fs.readdirSync(dist, { recursive: true }).some((file) => String(file).endsWith('.html'))).toBe(true)

      const Handler = createCacheHandler({ state: createCacheState(), log: () => null })
      expect(await nextRequest(Handler, dist).get('/news/a-story', { kind: 'APP_PAGE', isFallback: false, route: ARTICLE_ROUTE } as never)).toBeNull()
    })
  })

  describe('ordering', () => {
    it('does not keep a render that began before a purge of its tags and finished after it (the late store)', async () => {
      const state = createCacheState()
      const Handler = createCacheHandler({ state, log: () => null })
      const render = new Handler({} as never)
      expect(await render.get('/news/a-story', PAGE_CONTEXT)).toBeNull()
      // The editor's change lands while the render still holds the old rows.
      await new Handler({} as never).revalidateTag(['article:a-story'])
      await render.set('/news/a-story', page('<p>old</p>', ['article:a-story']) as never, { cacheControl: { revalidate: 3600, expire: undefined } })
      expect(state.entries.has('/news/a-story')).toBe(false)
      expect(await new Handler({} as never).get('/news/a-story', PAGE_CONTEXT)).toBeNull()

      // A render that began after the purge is kept.
      const next = new Handler({} as never)
      await next.get('/news/a-story', PAGE_CONTEXT)
      await next.set('/news/a-story', page('<p>new</p>', ['article:a-story']) as never, { cacheControl: { revalidate: 3600, expire: undefined } })
      expect(await new Handler({} as never).get('/news/a-story', PAGE_CONTEXT)).toMatchObject({ value: { html: '<p>new</p>' } })
    })

    it('keeps a render whose tags were not purged meanwhile', async () => {
      const Handler = createCacheHandler({ state: createCacheState(), log: () => null })
      const render = new Handler({} as never)
      await render.get('/news/a-story', PAGE_CONTEXT)
      await new Handler({} as never).revalidateTag(['article:another'])
      await render.set('/news/a-story', page('<p>v1</p>', ['article:a-story']) as never, { cacheControl: { revalidate: 3600, expire: undefined } })
      expect(await new Handler({} as never).get('/news/a-story', PAGE_CONTEXT)).toMatchObject({ value: { html: '<p>v1</p>' } })
    })
  })

  describe('memory', () => {
    it('keeps entries within its byte budget, dropping the least recently used first', async () => {
      // Each page holds about 400 KB (its HTML and its RSC payload): two fit, three do not.
      const state = createCacheState({ maxBytes: 900_000 })
      const Handler = createCacheHandler({ state, log: () => null })
      const store = async (key: string) => {
        const h = new Handler({} as never)
        await h.get(key, PAGE_CONTEXT)
        await h.set(key, page('x'.repeat(200_000), [key]) as never, { cacheControl: { revalidate: 3600, expire: undefined } })
      }
      await store('/a')
      await store('/b')
      // Reading /a makes /b the oldest.
      expect(await new Handler({} as never).get('/a', PAGE_CONTEXT)).not.toBeNull()
      await store('/c')
      expect(state.bytes).toBeLessThanOrEqual(900_000)
      expect(await new Handler({} as never).get('/b', PAGE_CONTEXT)).toBeNull()
      expect(await new Handler({} as never).get('/a', PAGE_CONTEXT)).not.toBeNull()
      expect(await new Handler({} as never).get('/c', PAGE_CONTEXT)).not.toBeNull()
    })
  })

  describe('with the shared purge log', () => {
    const setup = () => {
      const log = new LogDouble()
      const state: CacheState = createCacheState()
      const Handler = createCacheHandler({ state, log: () => log })
      const keep = async (key: string, tags: string[], html = '<p>v1</p>') => {
        const h: Handler = new Handler({} as never)
        await h.get(key, PAGE_CONTEXT)
        await h.set(key, page(html, tags) as never, { cacheControl: { revalidate: 3600, expire: undefined } })
      }
      const read = (key: string) => new Handler({} as never).get(key, PAGE_CONTEXT)
      return { log, state, Handler, keep, read }
    }

    it('publishes the tags it expires, and expires them here at once', async () => {
      const { log, Handler, keep, read } = setup()
      await keep('/news/a-story', ['article:a-story'])
      await new Handler({} as never).revalidateTag(['article:a-story', 'articles'], { expire: 0 })
      expect(log.published).toEqual([['article:a-story', 'articles']])
      expect(await read('/news/a-story')).toBeNull()
    })

    it('expires the tags of a purge another instance published', async () => {
      const { log, keep, read } = setup()
      await keep('/news/a-story', ['article:a-story'])
      await keep('/news/other', ['article:other'])
      log.deliver('100-0', ['article:a-story'])
      expect(await read('/news/a-story')).toBeNull()
      expect(await read('/news/other')).not.toBeNull()
    })

    it('refuses a render that began before another instance’s purge arrived', async () => {
      const { log, state, Handler, read } = setup()
      const render: Handler = new Handler({} as never)
      await render.get('/news/a-story', PAGE_CONTEXT)
      log.deliver('100-0', ['article:a-story'])
      await render.set('/news/a-story', page('<p>old</p>', ['article:a-story']) as never, { cacheControl: { revalidate: 3600, expire: undefined } })
      expect(state.entries.has('/news/a-story')).toBe(false)
      expect(await read('/news/a-story')).toBeNull()
    })

    it('while degraded neither answers nor stores, and comes back empty', async () => {
      const { log, Handler, keep, read } = setup()
      await keep('/news/a-story', ['article:a-story'])
      const before: Handler = new Handler({} as never)
      await before.get('/news/other', PAGE_CONTEXT)
      log.degrade()
      expect(await read('/news/a-story')).toBeNull()
      await keep('/news/during', ['article:during'])
      log.recover()
      // Nothing from before the outage, nothing stored during it, and no render that began before recovery.
      await before.set('/news/other', page('<p>old</p>', ['article:other']) as never, { cacheControl: { revalidate: 3600, expire: undefined } })
      for (const key of ['/news/a-story', '/news/during', '/news/other']) expect(await read(key), key).toBeNull()
      await keep('/news/a-story', ['article:a-story'], '<p>v2</p>')
      expect(await read('/news/a-story')).toMatchObject({ value: { html: '<p>v2</p>' } })
    })

    it('empties what it kept alone once a log is registered', async () => {
      const state = createCacheState()
      let registered: LogDouble | null = null
      const Handler = createCacheHandler({ state, log: () => registered })
      const h: Handler = new Handler({} as never)
      await h.get('/x', PAGE_CONTEXT)
      await h.set('/x', page('<p>local</p>', ['t']) as never, { cacheControl: { revalidate: 3600, expire: undefined } })
      expect(await new Handler({} as never).get('/x', PAGE_CONTEXT)).not.toBeNull()
      registered = new LogDouble()
      expect(await new Handler({} as never).get('/x', PAGE_CONTEXT)).toBeNull()
      expect(registered.listeners.size).toBe(1)
    })
  })
})
