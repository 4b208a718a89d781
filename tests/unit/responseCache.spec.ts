import { AsyncLocalStorage } from 'node:async_hooks'
import { EventEmitter } from 'node:events'
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { isPageRequest } from '@/server/pages'
import { announcePurge, registerPurgeTarget } from '@/server/purge'
import { cacheLifetime, chooseEncoding, isCacheableRequest, isNotModified, ResponseCache, storedHeaders, type CachedPage } from '@/server/responseCache'

const NEXT_HIT = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 's-maxage=3600, stale-while-revalidate=31532400', 'x-nextjs-cache': 'HIT' }

const page = (body: string, expiresAt = Number.POSITIVE_INFINITY): CachedPage => ({
  status: 200,
  headers: {},
  bodies: { identity: Buffer.from(body), gzip: Buffer.from(body), br: Buffer.from(body) },
  etag: null,
  expiresAt,
})

describe('which requests the response cache may answer', () => {
  const reader = (overrides: { method?: string; url?: string; headers?: Record<string, string> } = {}) =>
    isCacheableRequest({ method: overrides.method ?? 'GET', url: overrides.url ?? '/entertainment/a-story', headers: overrides.headers ?? { 'accept-encoding': 'gzip' } })

  it('answers an anonymous reader asking for a page, a listing, a feed or the home page', () => {
    for (const url of ['/', '/entertainment', '/entertainment/a-story', '/?page=2', '/feed.xml', '/authors/jane']) expect(reader({ url }), url).toBe(true)
    expect(reader({ method: 'HEAD' })).toBe(true)
    expect(reader({ headers: { cookie: 'theme=dark; _ga=1' } })).toBe(true)
  })

  it('never answers a signed-in editor, a preview or a commenter with cookies of their own', () => {
    // Still pages (their 404s get the designed body), but their own: rendered by Next every time.
    expect(isPageRequest({ method: 'GET', url: '/entertainment/a-story', headers: { cookie: 'byline_commenter=Ann' } })).toBe(true)
    for (const cookie of ['payload-token=abc', 'a=1; __prerender_bypass=x', '__next_preview_data=y', 'byline_pending_comments=1', 'x=1;byline_commenter=2', 'byline_commenter=Ann']) {
      expect(reader({ headers: { cookie } }), cookie).toBe(false)
    }
    expect(reader({ headers: { authorization: 'users API-Key abc' } })).toBe(false)
  })

  it('leaves writes, the admin, the API, internal routes and client navigations to Next', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) expect(reader({ method }), method).toBe(false)
    for (const url of ['/admin', '/admin/collections/articles', '/api/articles', '/_next/static/x.js', '/views', '/revalidate', '/preview?x=1', '/comments']) {
      expect(reader({ url }), url).toBe(false)
    }
    expect(reader({ url: '/entertainment/a-story?_rsc=abc' })).toBe(false)
    for (const name of ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action']) expect(reader({ headers: { [name]: '1' } }), name).toBe(false)
    expect(isPageRequest({ method: 'GET', url: '/api/articles', headers: {} })).toBe(false)
    expect(isPageRequest({ method: 'GET', url: '/a', headers: { rsc: '1' } })).toBe(false)
  })
})

describe('which responses the response cache keeps, and for how long', () => {
  it('keeps a page Next serves from its cache, for its shared lifetime capped at an hour', () => {
    expect(cacheLifetime(200, NEXT_HIT)).toBe(3600)
    expect(cacheLifetime(200, { ...NEXT_HIT, 'cache-control': 's-maxage=60', 'x-nextjs-cache': 'MISS' })).toBe(60)
    expect(cacheLifetime(200, { ...NEXT_HIT, 'cache-control': 's-maxage=31536000' })).toBe(3600)
    expect(cacheLifetime(200, { ...NEXT_HIT, 'content-type': 'application/rss+xml; charset=utf-8' })).toBe(3600)
  })

  it('refuses pages rendered per request, stale pages, errors, redirects, cookies and anything already compressed', () => {
    expect(cacheLifetime(200, { ...NEXT_HIT, 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' })).toBeNull()
    expect(cacheLifetime(200, { ...NEXT_HIT, 'x-nextjs-cache': 'STALE' })).toBeNull()
    expect(cacheLifetime(200, { ...NEXT_HIT, 'cache-control': 'max-age=60' })).toBeNull()
    expect(cacheLifetime(200, { ...NEXT_HIT, 'cache-control': 's-maxage=0' })).toBeNull()
    for (const status of [404, 308, 500]) expect(cacheLifetime(status, NEXT_HIT), String(status)).toBeNull()
    expect(cacheLifetime(200, { ...NEXT_HIT, 'set-cookie': ['a=1'] })).toBeNull()
    expect(cacheLifetime(200, { ...NEXT_HIT, 'content-encoding': 'gzip' })).toBeNull()
    expect(cacheLifetime(200, { ...NEXT_HIT, 'content-type': 'application/json' })).toBeNull()
  })

  it('replays the page headers but not those of one transfer or Next\'s cache verdict, and varies on the encoding', () => {
    const kept = storedHeaders({ ...NEXT_HIT, vary: 'rsc, next-router-state-tree', 'content-length': '10', 'transfer-encoding': 'chunked', date: 'x', etag: '"abc"' })
    expect(kept).toEqual({ 'content-type': NEXT_HIT['content-type'], 'cache-control': NEXT_HIT['cache-control'], vary: 'rsc, next-router-state-tree, Accept-Encoding', etag: '"abc"' })
    expect(storedHeaders({ vary: 'Accept-Encoding' }).vary).toBe('Accept-Encoding')
    // The admin's colour-scheme hint would make browsers fetch a reader page twice on a first visit.
    const hinted = storedHeaders({ 'accept-ch': 'Sec-CH-Prefers-Color-Scheme', 'critical-ch': 'Sec-CH-Prefers-Color-Scheme', vary: 'Sec-CH-Prefers-Color-Scheme, rsc' })
    expect(hinted).toEqual({ vary: 'rsc, Accept-Encoding' })
    // Node types Location as one string; Next's page cache hands over an array all the same.
    expect(storedHeaders({ location: ['/a', '/a'] } as unknown as OutgoingHttpHeaders).location).toBe('/a')
    expect(storedHeaders({ 'set-cookie': ['a=1', 'a=1'] })['set-cookie']).toEqual(['a=1', 'a=1'])
  })
})

describe('content negotiation', () => {
  it('sends brotli, then gzip, then plain bytes, as the reader accepts', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(chooseEncoding('gzip')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(chooseEncoding('gzip;q=0')).toBe('identity')
    expect(chooseEncoding(undefined)).toBe('identity')
    expect(chooseEncoding('deflate')).toBe('identity')
  })

  it('answers a conditional request for the same ETag, weak or strong', () => {
    expect(isNotModified('"abc"', '"abc"')).toBe(true)
    expect(isNotModified('W/"abc", "def"', '"abc"')).toBe(true)
    expect(isNotModified('*', '"abc"')).toBe(true)
    expect(isNotModified('"def"', '"abc"')).toBe(false)
    expect(isNotModified('"abc"', null)).toBe(false)
    expect(isNotModified(undefined, '"abc"')).toBe(false)
  })
})

describe('the store', () => {
  it('keeps pages until they expire', () => {
    let now = 1_000
    const cache = new ResponseCache({ maxBytes: 1_000, now: () => now })
    expect(cache.set('/a', page('aaa', 2_000), cache.generation)).toBe(true)
    expect(cache.get('/a')?.bodies.identity.toString()).toBe('aaa')
    now = 2_000
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.size).toBe(0)
    expect(cache.bytes).toBe(0)
  })

  it('refuses a page whose fill began before a purge, so old content cannot come back', () => {
    const cache = new ResponseCache({ maxBytes: 1_000 })
    const started = cache.generation
    cache.set('/a', page('old'), started)
    cache.purge()
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.set('/a', page('rendered before the change'), started)).toBe(false)
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.set('/a', page('new'), cache.generation)).toBe(true)
    expect(cache.get('/a')?.bodies.identity.toString()).toBe('new')
  })

  it('stays within its byte budget, dropping the least recently used page first', () => {
    // Each page counts three bodies: 3 × 10 bytes.
    const cache = new ResponseCache({ maxBytes: 70 })
    cache.set('/a', page('a'.repeat(10)), 0)
    cache.set('/b', page('b'.repeat(10)), 0)
    cache.get('/a')
    cache.set('/c', page('c'.repeat(10)), 0)
    expect(cache.get('/b')).toBeUndefined()
    expect(cache.get('/a')).toBeDefined()
    expect(cache.get('/c')).toBeDefined()
    expect(cache.bytes).toBe(60)
    expect(cache.set('/huge', page('x'.repeat(30)), 0)).toBe(false)
    cache.set('/a', page('a'.repeat(5)), 0)
    expect(cache.bytes).toBe(45)
  })
})

describe('purging from the application', () => {
  afterEach(() => {
    registerPurgeTarget(undefined as never)
    vi.useRealTimers()
  })

  it('purges at once and again when the request that changed content has been answered', () => {
    const requests = new AsyncLocalStorage<ServerResponse>()
    const purge = vi.fn()
    registerPurgeTarget({ purge, requests })
    const response = Object.assign(new EventEmitter(), { writableFinished: false }) as unknown as ServerResponse
    requests.run(response, () => announcePurge())
    expect(purge).toHaveBeenCalledTimes(1)
    response.emit('close')
    expect(purge).toHaveBeenCalledTimes(2)
  })

  it('outside a request, purges at once and again a second later', () => {
    vi.useFakeTimers()
    const purge = vi.fn()
    registerPurgeTarget({ purge, requests: new AsyncLocalStorage<ServerResponse>() })
    announcePurge()
    expect(purge).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1_000)
    expect(purge).toHaveBeenCalledTimes(2)
  })
})
