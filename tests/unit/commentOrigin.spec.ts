import { describe, expect, it } from 'vitest'

import { isSameSite } from '@/comments/origin'

describe('Comment form origin', () => {
  const site = 'https://news.example'
  it.each([
    ['the site’s own origin', { origin: site, fetchSite: 'same-origin' }, true],
    ['the request’s own host (another name for the site)', { origin: 'http://localhost:8080', fetchSite: null }, true],
    ['no Origin and no Sec-Fetch-Site (curl, old browsers)', { origin: null, fetchSite: null }, true],
    ['a form typed into the address bar', { origin: null, fetchSite: 'none' }, true],
    ['another site', { origin: 'https://evil.example', fetchSite: 'cross-site' }, false],
    ['another site’s Origin alone', { origin: 'https://evil.example', fetchSite: null }, false],
    ['Sec-Fetch-Site cross-site alone', { origin: null, fetchSite: 'cross-site' }, false],
    ['a sibling subdomain', { origin: 'https://blog.news.example', fetchSite: 'same-site' }, false],
    ['a sandboxed frame (Origin: null)', { origin: 'null', fetchSite: null }, false],
  ])('%s', (_, headers, expected) => {
    expect(isSameSite({ ...headers, host: 'localhost:8080', siteOrigin: site })).toBe(expected)
  })
})
