import { afterEach, describe, expect, it } from 'vitest'

import { NOT_FOUND_PATH } from '@/productionServer/requestKinds'

import { CACHED, PER_REQUEST, useStandInNext } from '../helpers/productionServer'

/**
 * The server's page pipeline over a real socket, behind the request handler, with a stand-in for
 * Next's request handler (tests/helpers/productionServer.ts), so each rule of the pipeline is seen
 * from a client: what is kept, what is sent, what replaces Next's answer.
 */

let databaseDown = false
const served = useStandInNext({ databaseDown: () => databaseDown })
const { nextAnswers, asked, cache, get } = served

afterEach(() => {
  databaseDown = false
})

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
    const response = await fetch(`${served.origin}/api/comments`, { method: 'POST', body: '{}' })
    expect(response.status).toBe(503)
    expect(response.headers.get('content-type')).toMatch(/json/)
    expect((await response.json()) as unknown).toHaveProperty('errors')
  })
})
