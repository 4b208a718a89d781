import type { OutgoingHttpHeaders } from 'node:http'
import { describe, expect, it } from 'vitest'

import { cacheLifetime, isCacheableRequest, storedHeaders } from '@/productionServer/cachePolicy'
import { isPageRequest } from '@/productionServer/requestKinds'

const NEXT_HIT = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 's-maxage=3600, stale-while-revalidate=31532400', 'x-nextjs-cache': 'HIT' }

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
