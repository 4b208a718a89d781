import { describe, expect, it } from 'vitest'

import { buildTable, findRedirect, isAllowedTarget, locationOf, normalizeSource, requestKeys, sourceProblem } from '@/redirects/paths'

describe('Redirect sources', () => {
  describe('normalizeSource', () => {
    it.each([
      ['/old-post/', '/old-post'],
      ['old-post', '/old-post'],
      ['https://old.example.com/2019/05/old-post/', '/2019/05/old-post'],
      ['/?p=123', '/?p=123'],
      ['/?page_id=7&lang=en', '/?lang=en&page_id=7'],
      ['/', '/'],
    ])('writes %s as %s', (raw, stored) => {
      expect(normalizeSource(raw)).toBe(stored)
    })

    it('has nothing to store for an empty source', () => {
      expect(normalizeSource('  ')).toBeNull()
    })
  })

  describe('sourceProblem', () => {
    it('refuses the home page itself, the admin and the API', () => {
      expect(sourceProblem('/')).toMatch(/home page/)
      expect(sourceProblem('/admin/login')).toMatch(/\/admin/)
      expect(sourceProblem('/api?x=1')).toMatch(/\/api/)
      expect(sourceProblem(null)).toMatch(/old address/)
    })

    it('accepts the home page with a query, as WordPress links are', () => {
      expect(sourceProblem('/?p=123')).toBeNull()
    })
  })

  describe('isAllowedTarget', () => {
    it.each([
      ['/about', true],
      ['https://example.org/x', true],
      ['//evil.example', false],
      ['/\\evil.example', false],
      ['javascript:alert(1)', false],
      ['mailto:a@example.org', false],
    ])('%s → %s', (url, allowed) => {
      expect(isAllowedTarget(url)).toBe(allowed)
    })
  })

  describe('findRedirect', () => {
    const table = buildTable([
      { from: '/?p=123', to: '/news/hello', status: 301 },
      { from: '/old-post/', to: '/news/old', status: 302 },
      { from: '/self', to: '/self/', status: 301 },
    ])

    it('matches a query among other parameters, most specific first', () => {
      expect(requestKeys('/?utm_source=x&p=123')).toEqual(['/?p=123&utm_source=x', '/?utm_source=x', '/?p=123', '/'])
      expect(findRedirect(table, '/?utm_source=x&p=123')).toEqual({ to: '/news/hello', status: 301 })
    })

    it('matches a non-ASCII address however its percent escapes are cased', () => {
      // WordPress exports /привет/ escaped in lower case; browsers send capitals.
      const table = buildTable([{ from: '/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82/', to: '/news/privet', status: 301 }])
      expect(findRedirect(table, '/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/')).toEqual({ to: '/news/privet', status: 301 })
      expect(findRedirect(table, '/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82')).toEqual({ to: '/news/privet', status: 301 })
      expect(findRedirect(table, '/привет/')).toEqual({ to: '/news/privet', status: 301 })
    })

    it('ignores a trailing slash on the request and on the source', () => {
      expect(findRedirect(table, '/old-post/')).toEqual({ to: '/news/old', status: 302 })
      expect(findRedirect(table, '/old-post?ref=feed')).toEqual({ to: '/news/old', status: 302 })
    })

    it('misses cheaply, and drops a rule that points at its own source', () => {
      expect(findRedirect(table, '/?p=1234')).toBeNull()
      expect(findRedirect(table, '/self')).toBeNull()
      expect(findRedirect(new Map(), '/anything')).toBeNull()
    })
  })

  it('percent-encodes a Location header', () => {
    expect(locationOf('/café/été?q=ü')).toBe('/caf%C3%A9/%C3%A9t%C3%A9?q=%C3%BC')
    expect(locationOf('https://example.org/ü')).toBe('https://example.org/%C3%BC')
  })
})
