import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import BaseServer from 'next/dist/server/base-server'
import { imageConfigDefault } from 'next/dist/shared/lib/image-config'

import { storedHeaders } from '@/productionServer/cachePolicy'
import {
  CLIENT_NAVIGATION_HEADERS,
  ENDPOINT_PATHS,
  isGuardedWrite,
  isImpossiblePath,
  isPageRequest,
  isPreview,
  isPrivateRequest,
  MAX_SEGMENT_CHARS,
  PAGE_VARY_HEADERS,
  PER_USER_PATHS,
  PRIVATE_COOKIES,
} from '@/productionServer/requestKinds'

const root = path.resolve(import.meta.dirname, '../..')
const template = fs.readFileSync(path.join(root, 'deploy/nginx.conf.template'), 'utf8')

/** Every file and folder under a folder of the checkout, by its path from the checkout. */
const under = (dir: string) => (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[]).map((entry) => path.posix.join(dir, entry.split(path.sep).join('/')))

/** The value of an nginx directive that appears once in the template. */
function nginxDirective(name: string): string {
  const found = [...template.matchAll(new RegExp(`^\\s*${name}\\s+([^;]*);`, 'gm'))].map((m) => m[1] ?? '')
  if (found.length !== 1) throw new Error(`deploy/nginx.conf.template has ${found.length} ${name} directives, not one`)
  return found[0] as string
}

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
  it('says of the pages in its store what Next says of them: the same Vary', () => {
    const vary = /add_header Vary "([^"]*)" always;/.exec(template)?.[1]
    expect(vary?.split(', ')).toEqual(PAGE_VARY_HEADERS)
    // gzip_vary adds Accept-Encoding, as the server adds it to every page it keeps.
    expect(nginxDirective('gzip_vary')).toBe('on')
    expect(storedHeaders({ vary: PAGE_VARY_HEADERS.join(', ') }).vary).toBe(`${vary}, Accept-Encoding`)
  })

  describe('leaves the server’s endpoints to the app, each for a reason of its own', () => {
    /** What the store map answers: the one file name it looks for, else a name the store never holds. */
    const storeFile = nginxMap('byline_store_file').body
    const bypassed = (variable: string) => ['proxy_cache_bypass', 'proxy_no_cache'].every((name) => nginxDirective(name).split(/\s+/).includes(`$${variable}`))
    const keptStatuses = nginxDirective('proxy_cache_valid').split(/\s+/).slice(0, -1)

    /** The site's route files under /SEGMENT, with the HTTP methods each exports. */
    const routesUnder = (segment: string) =>
      under(`app/(site)/${segment}`)
        .filter((file) => path.posix.basename(file) === 'route.ts')
        .map((file) => {
          const source = fs.readFileSync(path.join(root, file), 'utf8')
          return { file, source, methods: [...source.matchAll(/^export (?:async function|const) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm)].map((m) => m[1]) }
        })
    const reads = (segment: string) => routesUnder(segment).filter(({ methods }) => methods.includes('GET') || methods.includes('HEAD'))

    /**
     * Why nginx needs no rule for each endpoint path (ENDPOINT_PATHS): a path added to the list
     * without one fails the test below.
     */
    const reasons: Record<string, () => void> = {
      // Hashed build output from disk; the rest of /_next is Next's image optimizer, the same
      // image for every reader whose Accept is the same, which the micro-cache's key holds.
      _next: () => {
        expect(template).toMatch(/location \^~ \/_next\/static\/ \{\s*alias @STATIC_DIR@\/;/)
        const { source, body } = nginxMap('byline_image_accept')
        expect(source).toBe('$uri')
        const [, pattern = '', value] = /"~([^"]*)"\s+(\S+);/.exec(body) ?? []
        expect(new RegExp(pattern).test(imageConfigDefault.path)).toBe(true)
        expect(value).toBe('$http_accept')
        expect(nginxDirective('proxy_cache_key')).toContain('$byline_image_accept')
      },
      // Only written to: nginx answers no write from its cache, nor keeps the answer.
      views: () => expect(reads('views')).toEqual([]),
      revalidate: () => expect(reads('revalidate')).toEqual([]),
      // The form is written to; its one read (the reply-notification links) says to keep no copy.
      comments: () => {
        expect(routesUnder('comments').map(({ file }) => file)).toContain('app/(site)/comments/route.ts')
        for (const { file, source } of reads('comments')) expect(source, file).toContain(`'x-accel-expires': '0'`)
      },
      // Staff only: with their session cookie (private) nginx keeps nothing; without it the answer
      // is a 401, which nginx does not keep; a preview opened or left sets a cookie, which nginx never keeps.
      preview: () => {
        expect(reads('preview').length).toBeGreaterThan(0)
        for (const { file, source } of reads('preview')) expect(source, file).toMatch(/draftMode\(\)\)\.(?:enable|disable)\(\)/)
        expect(keptStatuses).not.toContain('401')
        expect(nginxDirective('proxy_ignore_headers')).not.toMatch(/Set-Cookie/i)
      },
    }

    it('has a reason for every endpoint path, and no more', () => {
      expect(Object.keys(reasons).sort()).toEqual([...ENDPOINT_PATHS].sort())
    })

    it('finds none of them in the page store, which holds only the reader pages the server writes there', () => {
      expect(storeFile).toMatch(/^\s*"0+1" "\$uri\/index\.html";\s*default "\/\.none";\s*$/)
      for (const segment of ENDPOINT_PATHS) {
        for (const url of [`/${segment}`, `/${segment}/x`]) expect(isPageRequest({ method: 'GET', url, headers: {} }), url).toBe(false)
      }
    })

    it('never answers a write from its micro-cache, nor keeps one', () => {
      expect(nginxMap('byline_unsafe_method').body).toMatch(/^\s*GET 0;\s*HEAD 0;\s*default 1;\s*$/)
      expect(bypassed('byline_unsafe_method')).toBe(true)
      expect(bypassed('byline_private_cookie')).toBe(true)
    })

    for (const segment of ENDPOINT_PATHS) it(`/${segment}`, () => reasons[segment]?.())
  })
})

describe('what Next varies a page on', () => {
  it('is PAGE_VARY_HEADERS, for a page no route can intercept', () => {
    const vary: string[] = []
    const res = { appendHeader: (name: string, value: string) => vary.push(`${name}: ${value}`) }
    const setVaryHeader = (BaseServer.prototype as unknown as { setVaryHeader: (req: unknown, res: unknown, isAppPath: boolean, path: string) => void }).setVaryHeader
    setVaryHeader.call({ pathCouldBeIntercepted: () => false }, { headers: {} }, res, true, '/news/a-story')
    expect(vary).toEqual([`vary: ${PAGE_VARY_HEADERS.join(', ')}`])
    expect(PAGE_VARY_HEADERS.every((name) => CLIENT_NAVIGATION_HEADERS.includes(name))).toBe(true)
  })

  it('never adds next-url: no route of the site can be intercepted', () => {
    // An intercepting route's folder begins (.), (..) or (...).
    expect(under('app').filter((entry) => /^\(\.{1,3}\)/.test(path.posix.basename(entry)))).toEqual([])
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
