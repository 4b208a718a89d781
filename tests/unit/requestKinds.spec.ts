import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import {
  CLIENT_NAVIGATION_HEADERS,
  isGuardedWrite,
  isImpossiblePath,
  isPageRequest,
  isPreview,
  isPrivateRequest,
  MAX_SEGMENT_CHARS,
  PER_USER_PATHS,
  PRIVATE_COOKIES,
} from '@/productionServer/requestKinds'

const template = fs.readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx.conf.template'), 'utf8')

/** The body of the nginx `map` whose result variable is `variable`, with the string it maps. */
function nginxMap(variable: string): { source: string; body: string } {
  const match = new RegExp(`map\\s+("[^"]*"|\\S+)\\s+\\$${variable}\\s*\\{([^}]*)\\}`).exec(template)
  if (!match) throw new Error(`deploy/nginx.conf.template has no map for $${variable}`)
  return { source: match[1] ?? '', body: match[2] ?? '' }
}

describe('the nginx front decides as the server does (deploy/nginx.conf.template)', () => {
  it('treats the same cookies as private', () => {
    const { body } = nginxMap('byline_private_cookie')
    const names = /\(\?:\^\|;\\s\*\)\(\?:([^)]*)\)=/.exec(body)?.[1]?.split('|')
    expect(names?.sort()).toEqual([...PRIVATE_COOKIES].sort())
  })

  it('treats the same headers as a client navigation', () => {
    const { source } = nginxMap('byline_rsc_request')
    const headers = [...source.matchAll(/\$http_(\w+)/g)].map((m) => (m[1] ?? '').replaceAll('_', '-'))
    expect(headers.sort()).toEqual([...CLIENT_NAVIGATION_HEADERS].sort())
  })

  it('treats the same paths as answering per user', () => {
    const { source, body } = nginxMap('byline_app_path')
    expect(source).toBe('$uri')
    expect(/"~\^\/\(\?:([^)]*)\)\(\?:\/\|\$\)"\s+1;/.exec(body)?.[1]?.split('|').sort()).toEqual([...PER_USER_PATHS].sort())
  })
})

describe('request kinds', () => {
  const request = (overrides: { method?: string; url?: string; headers?: Record<string, string> } = {}) => ({
    method: overrides.method ?? 'GET',
    url: overrides.url ?? '/news/a-story',
    headers: overrides.headers ?? {},
  })

  it('tells a reader page from the admin, the API, endpoints and client navigations', () => {
    expect(isPageRequest(request())).toBe(true)
    expect(isPageRequest(request({ url: '/' }))).toBe(true)
    for (const url of ['/admin', '/api/articles', '/_next/static/a.js', '/views', '/revalidate', '/preview', '/comments']) expect(isPageRequest(request({ url })), url).toBe(false)
    // A page whose name only begins like an endpoint is still a page.
    expect(isPageRequest(request({ url: '/commentsection' }))).toBe(true)
    for (const name of CLIENT_NAVIGATION_HEADERS) expect(isPageRequest(request({ headers: { [name]: '1' } })), name).toBe(false)
    expect(isPageRequest(request({ method: 'POST' }))).toBe(false)
  })

  it('knows a request that is someone’s own', () => {
    for (const name of PRIVATE_COOKIES) expect(isPrivateRequest(request({ headers: { cookie: `theme=dark; ${name}=x` } })), name).toBe(true)
    expect(isPrivateRequest(request({ headers: { cookie: 'theme=dark' } }))).toBe(false)
    expect(isPrivateRequest(request({ headers: { authorization: 'users API-Key abc' } }))).toBe(true)
    expect(isPreview(request({ headers: { cookie: '__prerender_bypass=1' } }))).toBe(true)
    expect(isPreview(request({ headers: { cookie: 'payload-token=1' } }))).toBe(false)
  })

  it('guards writes to the API and the comment form only', () => {
    expect(isGuardedWrite(request({ method: 'POST', url: '/api/comments' }))).toBe(true)
    expect(isGuardedWrite(request({ method: 'POST', url: '/comments' }))).toBe(true)
    expect(isGuardedWrite(request({ method: 'PATCH', url: '/api/articles/1' }))).toBe(true)
    expect(isGuardedWrite(request({ method: 'GET', url: '/api/articles' }))).toBe(false)
    expect(isGuardedWrite(request({ method: 'OPTIONS', url: '/api/articles' }))).toBe(false)
    expect(isGuardedWrite(request({ method: 'POST', url: '/admin/login' }))).toBe(false)
  })
})

/** Issue 22: a 10,000-character slug in a URL wrote 10 KB log lines. */
const LONG_SLUG = 'a'.repeat(10_000)

describe('An address no page can have', () => {
  it('is answered by the server itself, so Next never tries to cache it under a file name too long to exist', () => {
    expect(isImpossiblePath(`/news/${LONG_SLUG}`)).toBe(true)
    expect(isImpossiblePath(`/${LONG_SLUG}`)).toBe(true)
    expect(isImpossiblePath(`/authors/${'%C3%A9'.repeat(MAX_SEGMENT_CHARS)}`)).toBe(true)
  })

  it('leaves every real address to Next, the longest slug percent-encoded and long queries included', () => {
    const longestSlug = 'x'.repeat(96)
    expect(isImpossiblePath(`/entertainment/${longestSlug}`)).toBe(false)
    expect(isImpossiblePath(`/entertainment/${encodeURIComponent('é'.repeat(48))}`)).toBe(false)
    expect(isImpossiblePath(`/search?q=${'a'.repeat(5_000)}`)).toBe(false)
    expect(isImpossiblePath('/')).toBe(false)
  })
})
