import { describe, expect, it } from 'vitest'

import { registerRedirectLookup } from '@/redirects/registry'
import { NOT_FOUND_PATH } from '@/productionServer/requestKinds'

import { CACHED, useStandInNext } from '../helpers/productionServer'

/**
 * Which way each request goes (src/productionServer/requestHandler.ts), seen from a client of the
 * server with a stand-in for Next's request handler (tests/helpers/productionServer.ts): redirects
 * before any page, Next untouched for what is not a reader page, the designed 404's own address.
 */

const { nextAnswers, asked, get } = useStandInNext()

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

  it('answers the designed page’s own address as not found, never with a 200', async () => {
    const response = await get(NOT_FOUND_PATH)
    expect(response.status).toBe(404)
  })
})
