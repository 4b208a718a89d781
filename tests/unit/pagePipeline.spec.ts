import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { registerRedirectLookup } from '@/redirects/registry'
import { trustedProxies } from '@/productionServer/clientAddress'
import { DesignedNotFound } from '@/productionServer/designedNotFound'
import { DatabaseWatch } from '@/productionServer/outage'
import { pagePipeline } from '@/productionServer/pagePipeline'
import { requestHandler } from '@/productionServer/requestHandler'
import { NOT_FOUND_PATH } from '@/productionServer/requestKinds'
import { ResponseCache } from '@/productionServer/responseCache'

/**
 * The server's page pipeline and request routing over a real socket, with a stand-in for Next's
 * request handler that answers the way Next does (writeHead, then end), so each rule of the
 * pipeline is seen from a client: what is kept, what is sent, what replaces Next's answer.
 */

const CACHED = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 's-maxage=3600, stale-while-revalidate=31532400', 'x-nextjs-cache': 'HIT' }
const PER_REQUEST = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' }

type Answer = { status: number; headers: OutgoingHttpHeaders; body: string }
/** What the stand-in for Next answers, by path; it counts the requests it is asked. */
let nextAnswers: Record<string, Answer> = {}
let asked: string[] = []
let databaseDown = false

const handle = async (req: IncomingMessage, res: ServerResponse) => {
  const path = (req.url ?? '/').split('?', 1)[0] ?? '/'
  asked.push(path)
  const answer = path === NOT_FOUND_PATH ? { status: 200, headers: PER_REQUEST, body: '<h1>Designed: not found</h1>' } : (nextAnswers[path] ?? { status: 404, headers: PER_REQUEST, body: '' })
  res.writeHead(answer.status, answer.headers)
  res.end(answer.body)
}

const cache = new ResponseCache({ maxBytes: 1024 * 1024 })
let server: http.Server
let origin: string

beforeAll(async () => {
  const notFound = new DesignedNotFound(() => ({ host: '127.0.0.1', port: (server.address() as AddressInfo).port }), () => cache.generation)
  const database = new DatabaseWatch(() => async () => (databaseDown ? { up: false, reason: 'connection refused' } : { up: true }), { error: () => {}, info: () => {} })
  const pipeline = pagePipeline({ handle, cache, caching: true, store: null, database, notFound, readStylesheet: () => null })
  const handler = requestHandler({ handle, pipeline, notFound, trusted: trustedProxies(['127.0.0.1/32']) })
  server = http.createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

afterEach(() => {
  nextAnswers = {}
  asked = []
  databaseDown = false
  cache.purge()
  registerRedirectLookup(undefined as never)
})

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers, redirect: 'manual' })

describe('the page pipeline', () => {
  it('keeps a page Next serves from its cache and answers the next reader from memory', async () => {
    nextAnswers['/news/a-story'] = { status: 200, headers: CACHED, body: '<!DOCTYPE html><h1>A story</h1>' }
    const first = await get('/news/a-story')
    expect(first.headers.get('x-byline-cache')).toBe('MISS')
    expect(first.headers.get('content-security-policy')).toContain("script-src 'self'")
    const second = await get('/news/a-story')
    expect(second.headers.get('x-byline-cache')).toBe('HIT')
    expect(await second.text()).toContain('<h1>A story</h1>')
    expect(asked).toEqual(['/news/a-story'])
  })

  it('never keeps a signed-in editor’s page, nor answers them from memory', async () => {
    nextAnswers['/news/a-story'] = { status: 200, headers: CACHED, body: '<h1>A story</h1>' }
    await get('/news/a-story')
    const staff = await get('/news/a-story', { cookie: 'payload-token=abc' })
    expect(staff.headers.get('x-byline-cache')).toBeNull()
    expect(asked).toEqual(['/news/a-story', '/news/a-story'])
  })

  it('forgets every kept page on a purge', async () => {
    nextAnswers['/'] = { status: 200, headers: CACHED, body: '<h1>Front page</h1>' }
    await get('/')
    cache.purge()
    expect((await get('/')).headers.get('x-byline-cache')).toBe('MISS')
    expect(asked).toEqual(['/', '/'])
  })

  it('puts the designed page into a 404 Next answers with an empty shell', async () => {
    const response = await get('/news/no-such-story')
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('Designed: not found')
    // Asked of Next once for the page and once (internally) for the designed body.
    expect(asked).toEqual(['/news/no-such-story', NOT_FOUND_PATH])
  })

  it('answers the designed page’s own address as not found, never with a 200', async () => {
    const response = await get(NOT_FOUND_PATH)
    expect(response.status).toBe(404)
  })

  it('answers an address no page can have without asking Next for it', async () => {
    const response = await get(`/${'a'.repeat(400)}`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('Designed: not found')
    expect(asked).toEqual([NOT_FOUND_PATH])
  })

  it('turns Next’s 500 into the designed 503 while the database is down, and a real bug stays a 500', async () => {
    nextAnswers['/news/a-story'] = { status: 500, headers: PER_REQUEST, body: '' }
    expect((await get('/news/a-story')).status).toBe(500)
    databaseDown = true
    await new Promise((resolve) => setTimeout(resolve, 2_100))
    const outage = await get('/news/a-story')
    expect(outage.status).toBe(503)
    expect(outage.headers.get('retry-after')).toBeTruthy()
  })

  it('answers a write to the API with a JSON 503 while the database is down', async () => {
    nextAnswers['/api/comments'] = { status: 500, headers: { 'content-type': 'application/json' }, body: '{}' }
    databaseDown = true
    const response = await fetch(`${origin}/api/comments`, { method: 'POST', body: '{}' })
    expect(response.status).toBe(503)
    expect(response.headers.get('content-type')).toMatch(/json/)
    expect((await response.json()) as unknown).toHaveProperty('errors')
  })
})

describe('routing', () => {
  it('answers an old address an editor redirected, before any page', async () => {
    registerRedirectLookup(async (pathAndQuery) => (pathAndQuery === '/?p=123' ? { to: '/news/a-story', status: 301 } : null))
    const moved = await get('/?p=123')
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe('/news/a-story')
    expect(asked).toEqual([])
  })

  it('serves the page when the redirect table cannot be read', async () => {
    nextAnswers['/'] = { status: 200, headers: CACHED, body: '<h1>Front page</h1>' }
    registerRedirectLookup(async () => {
      throw new Error('database unreachable')
    })
    const original = console.error
    console.error = () => {}
    try {
      expect((await get('/')).status).toBe(200)
    } finally {
      console.error = original
    }
  })

  it('passes the admin and the API’s reads to Next untouched', async () => {
    nextAnswers['/api/articles'] = { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 's-maxage=60' }, body: '{"docs":[]}' }
    const response = await get('/api/articles')
    expect(response.headers.get('x-byline-cache')).toBeNull()
    expect(await response.text()).toBe('{"docs":[]}')
  })
})
