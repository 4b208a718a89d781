import fs from 'node:fs'

import type { APIRequestContext } from '@playwright/test'

import { expect, test } from '@playwright/test'

import { authHeaders } from '../helpers/seededAccounts'

/**
 * The recommended production deployment (deploy/): nginx in front of the app server, started by
 * playwright.config.ts with deploy/run.sh exactly as the README tells an operator to. These
 * checks go through nginx as a reader would; staff REST calls go to the app directly.
 */

const messages = {
  noFront: 'E2E_FRONT_PORT is not set: run the end-to-end tests with `bash scripts/e2e.sh`, which starts nginx from deploy/ (playwright.config.ts).',
}

const frontPort = process.env.E2E_FRONT_PORT
if (!frontPort) throw new Error(messages.noFront)
// 127.0.0.1, not localhost: the address nginx sees, and so passes on to the app, is then known.
const FRONT = `http://127.0.0.1:${frontPort}`
const REFERENCE_PATH = '/entertainment/everything-we-know-about-heartstopper-season-2'
const READER_CLAIMS = '203.0.113.7'

const PRIVATE_COOKIES = [
  ['payload-token', 'a signed-in member of staff'],
  ['__prerender_bypass', 'a preview (Next draft mode)'],
  ['byline_pending_comments', 'a reader whose own comments are held'],
  ['byline_commenter', 'a reader whose details the form remembers'],
] as const

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
/** The article at a URL nginx has never cached (the key includes the query string), so each test starts from a miss. */
const uncachedArticle = () => `${REFERENCE_PATH}?deploy-e2e=${unique()}`
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/**
 * Past the micro-cache's lifetime. nginx keeps time in whole seconds: a page stored during second
 * s is fresh until second s + 2 begins, so "1 s" lasts one to two.
 */
const EXPIRED_MS = 2_100
const cacheStatus = (response: Awaited<ReturnType<APIRequestContext['get']>>) => response.headers()['x-cache-status']
/** deploy/run.sh serves the store's brotli copies where Debian's module is installed, gzip otherwise. */
const BROTLI = fs.existsSync('/usr/lib/nginx/modules/ngx_http_brotli_static_module.so')

test.describe('Production deployment: nginx in front of the app server', () => {
  /** An anonymous reader: a context of its own, so no cookie from a staff login ever rides along. */
  let reader: APIRequestContext

  test.beforeAll(async ({ playwright }) => {
    reader = await playwright.request.newContext({ baseURL: FRONT })
  })

  test.afterAll(async () => {
    await reader.dispose()
  })

  test('compresses pages with gzip for readers who accept it, and only for them', async () => {
    const compressed = await reader.get(REFERENCE_PATH, { headers: { 'accept-encoding': 'gzip' } })
    expect(compressed.status()).toBe(200)
    expect(compressed.headers()['content-encoding']).toBe('gzip')
    expect(await compressed.text()).toContain('Everything We Know About Heartstopper Season 2')

    const plain = await reader.get(REFERENCE_PATH, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.status()).toBe(200)
    expect(plain.headers()['content-encoding']).toBeUndefined()
    expect(await plain.text()).toContain('Everything We Know About Heartstopper Season 2')
  })

  test('lets browsers keep hashed build assets for a year', async () => {
    // Reader pages carry their stylesheet inline and no Next script; the admin links both.
    const html = await (await reader.get('/admin/login')).text()
    const assets = [...new Set(html.match(/\/_next\/static\/[^"'\s\\)]+\.(?:js|css)/g) ?? [])]
    expect(assets.length, 'the page links scripts or styles under /_next/static').toBeGreaterThan(0)
    for (const asset of assets.slice(0, 5)) {
      const response = await reader.get(asset)
      expect(response.status(), asset).toBe(200)
      expect(response.headers()['cache-control'], asset).toBe('public, max-age=31536000, immutable')
    }
  })

  test('answers a repeated anonymous request from its micro-cache, and serves the stored page while refreshing it', async () => {
    const article = uncachedArticle()
    const first = await reader.get(article)
    expect(first.status()).toBe(200)
    expect(cacheStatus(first)).toBe('MISS')
    const again = await reader.get(article)
    expect(again.status()).toBe(200)
    expect(cacheStatus(again)).toBe('HIT')

    // Past its second the stored page is still answered at once, while nginx fetches a new one.
    await pause(EXPIRED_MS)
    expect(['STALE', 'UPDATING']).toContain(cacheStatus(await reader.get(article)))
    await expect.poll(async () => cacheStatus(await reader.get(article))).toBe('HIT')
  })

  for (const [cookie, who] of PRIVATE_COOKIES) {
    test(`neither answers nor stores a page for ${who} (${cookie})`, async () => {
      const article = uncachedArticle()
      expect(cacheStatus(await reader.get(article))).toBe('MISS')
      // Let the anonymous copy expire: had the private page been stored, the next anonymous
      // request would find a fresh entry (HIT) instead of the expired anonymous one.
      await pause(EXPIRED_MS)
      const personal = await reader.get(article, { headers: { cookie: `theme=dark; ${cookie}=e2e` } })
      expect(cacheStatus(personal)).toBe('BYPASS')
      expect(['STALE', 'UPDATING']).toContain(cacheStatus(await reader.get(article)))
    })
  }

  test('serves a cached page from the app’s page store as a file, compressed as the reader accepts', async () => {
    // The app writes the page into the store as it answers the first request; from then on nginx reads the file.
    await expect.poll(async () => cacheStatus(await reader.get(REFERENCE_PATH))).toBe('STORE')
    for (const [accept, encoding] of [
      ['gzip, deflate, br', BROTLI ? 'br' : 'gzip'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const response = await reader.get(REFERENCE_PATH, { headers: { 'accept-encoding': accept } })
      expect(response.status(), accept).toBe(200)
      expect(cacheStatus(response), accept).toBe('STORE')
      expect(response.headers()['content-encoding'], accept).toBe(encoding)
      expect(response.headers()['content-type'], accept).toBe('text/html; charset=utf-8')
      expect(await response.text(), accept).toContain('Everything We Know About Heartstopper Season 2')
    }
    // Browsers ask again each time, and get a 304 while the file is unchanged.
    const page = await reader.get(REFERENCE_PATH)
    expect(page.headers()['cache-control']).toBe('public, max-age=0, must-revalidate')
    const etag = page.headers()['etag']
    expect(etag).toBeTruthy()
    const revalidated = await reader.get(REFERENCE_PATH, { headers: { 'if-none-match': etag } })
    expect(revalidated.status()).toBe(304)
  })

  test('never answers a reader with cookies of their own, or credentials, from the page store', async () => {
    await expect.poll(async () => cacheStatus(await reader.get(REFERENCE_PATH))).toBe('STORE')
    for (const [cookie, who] of PRIVATE_COOKIES) {
      const personal = await reader.get(REFERENCE_PATH, { headers: { cookie: `theme=dark; ${cookie}=e2e` } })
      expect(cacheStatus(personal), who).toBe('BYPASS')
    }
    const withCredentials = await reader.get(REFERENCE_PATH, { headers: { authorization: 'users API-Key not-a-key' } })
    expect(cacheStatus(withCredentials)).toBe('BYPASS')
    // Another page at the same path (a query string), a form post and a client navigation go to the app too.
    expect(cacheStatus(await reader.get(uncachedArticle()))).toBe('MISS')
    expect(cacheStatus(await reader.get(REFERENCE_PATH, { headers: { rsc: '1' } }))).toBe('BYPASS')
    // An address the store can never hold as a file of that name (a trailing slash) is the app's to answer.
    const slash = await reader.get(`${REFERENCE_PATH}/`, { maxRedirects: 0 })
    expect(cacheStatus(slash)).not.toBe('STORE')
  })

  test('shows a change no later than the app itself: the app empties the store the moment it purges', async ({ request }) => {
    const admin = await authHeaders(request, 'admin')
    const moderator = await authHeaders(request, 'moderator')
    const found = await request.get(`/api/articles?where[slug][equals]=${REFERENCE_PATH.split('/').pop()}&limit=1&depth=0`, { headers: admin })
    const articleId: string = (await found.json()).docs[0].id
    await expect.poll(async () => cacheStatus(await reader.get(REFERENCE_PATH))).toBe('STORE')

    const text = `Seen through the front at once (${unique()}).`
    const created = await request.post('/api/comments', {
      headers: moderator,
      data: { article: articleId, authorName: 'Front Moderator', authorEmail: `store-${unique()}@example.com`, body: text, status: 'approved' },
    })
    expect(created.status(), await created.text()).toBe(201)
    const id: string = (await created.json()).doc.id
    try {
      // Once the app itself shows the comment, the front must too, on its very next answer: a
      // cache of nginx's own would still hold the page for up to two seconds.
      await expect.poll(async () => (await request.get(REFERENCE_PATH)).text()).toContain(text)
      expect(await (await reader.get(REFERENCE_PATH)).text()).toContain(text)
      await expect.poll(async () => cacheStatus(await reader.get(REFERENCE_PATH))).toBe('STORE')
      expect(await (await reader.get(REFERENCE_PATH)).text()).toContain(text)
    } finally {
      await request.delete(`/api/comments/${id}`, { headers: admin })
    }
    await expect.poll(async () => (await request.get(REFERENCE_PATH)).text()).not.toContain(text)
    expect(await (await reader.get(REFERENCE_PATH)).text()).not.toContain(text)
  })

  test('never caches the admin or the API', async () => {
    for (const path of ['/admin/login', '/api/articles?limit=1&depth=0']) {
      await reader.get(path)
      const again = await reader.get(path)
      expect(again.status(), path).toBe(200)
      expect(cacheStatus(again), path).toBe('BYPASS')
    }
  })

  test('passes comment submissions to the app, which sees the address nginx saw, not the one a reader claims', async ({ request }) => {
    const admin = await authHeaders(request, 'admin')
    const moderator = await authHeaders(request, 'moderator')
    const found = await request.get(`/api/articles?where[slug][equals]=${REFERENCE_PATH.split('/').pop()}&limit=1&depth=0`, { headers: admin })
    const articleId: string = (await found.json()).docs[0].id
    const made: string[] = []
    const post = async (client: APIRequestContext, headers: Record<string, string>, data: Record<string, unknown>) => {
      const response = await client.post('/api/comments', { headers, data: { article: articleId, authorName: 'Front Reader', ...data } })
      if (response.status() === 201) made.push((await response.json()).doc.id)
      return response
    }

    try {
      const tag = unique()
      const comment = { authorEmail: `front-${tag}@example.com`, body: `Posted through nginx (${tag}).` }
      const submitted = await post(reader, { 'x-forwarded-for': READER_CLAIMS }, comment)
      expect(submitted.status(), await submitted.text()).toBe(201)
      // The same comment again is the app's to refuse (flood control, then duplicates): a cache
      // would have replayed the first answer.
      const repeated = await post(reader, { 'x-forwarded-for': READER_CLAIMS }, comment)
      expect([409, 429]).toContain(repeated.status())

      // Staff comments skip flood control: a moderator posting straight to the app as each
      // address gives the hash the app stores for it.
      const hashFor = async (address: string) => {
        const response = await post(request, { ...moderator, 'x-forwarded-for': address }, { authorEmail: `hash-${unique()}@example.com`, body: `Address check ${unique()}`, status: 'pending' })
        expect(response.status(), await response.text()).toBe(201)
        return (await response.json()).doc.ipHash as string
      }
      const stored = await request.get(`/api/comments/${made[0]}?depth=0`, { headers: moderator })
      const { ipHash } = await stored.json()
      expect(ipHash).toBe(await hashFor('127.0.0.1'))
      expect(ipHash).not.toBe(await hashFor(READER_CLAIMS))
    } finally {
      for (const id of made) await request.delete(`/api/comments/${id}`, { headers: admin })
    }
  })
  test('sends the security headers on reader pages, the admin, the API and assets, from the app and from nginx, and never X-Powered-By', async ({ request }) => {
    const base = { 'x-frame-options': 'SAMEORIGIN', 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' }
    // The page through nginx from the page store, as a file (the app writes it as it answers the first request).
    await expect.poll(async () => cacheStatus(await reader.get(REFERENCE_PATH))).toBe('STORE')
    const stored = await reader.get(REFERENCE_PATH)
    const direct = await request.get(REFERENCE_PATH, { headers: { cookie: '' } })
    const asset = (await direct.text()).match(/\/_next\/static\/[^"']+\.(?:css|js|woff2)/)?.[0]
    const answers = {
      'a reader page from the app': direct,
      'a reader page from the page store': stored,
      'the admin': await request.get('/admin/login'),
      'the API': await request.get('/api/articles?limit=1&depth=0'),
      'a build asset through nginx': await reader.get(asset ?? '/_next/static/none.js'),
    }
    for (const [what, response] of Object.entries(answers)) {
      expect(response.headers(), what).toMatchObject(base)
      expect(response.headers()['x-powered-by'], what).toBeUndefined()
    }
    for (const page of [direct, stored]) {
      const csp = page.headers()['content-security-policy'] ?? ''
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'self'")
    }
  })

  test('a reader page runs under its Content-Security-Policy without a single violation', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: FRONT })
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
    })
    await page.goto(REFERENCE_PATH)
    await page.goto(REFERENCE_PATH)
    await expect(page.locator('h1')).toBeVisible()
    // The page's one script ran: it marks the comment form for sending in the background.
    await page.waitForLoadState('load')
    expect(violations).toEqual([])
    await context.close()
  })

  // Last in this file: the rate limits count per address, and every test here comes from 127.0.0.1.
  test('limits bursts of comment posts, account requests and GraphQL per address with 429 and Retry-After, while normal use goes through', async () => {
    // Normal use: an editor's list views read the API many times a minute.
    for (let i = 0; i < 20; i++) expect((await reader.get('/api/categories?limit=1&depth=0')).status()).not.toBe(429)

    const burst = async (send: () => Promise<Awaited<ReturnType<APIRequestContext['get']>>>, count: number) => {
      const statuses: number[] = []
      let retryAfter: string | undefined
      for (let i = 0; i < count; i++) {
        const response = await send()
        statuses.push(response.status())
        if (response.status() === 429) retryAfter = response.headers()['retry-after']
      }
      return { statuses, retryAfter }
    }
    let comments = 0
    const kinds = {
      // One zone for both doors: the form without JavaScript and the JSON API, taken in turns.
      'comment posts': () =>
        ++comments % 2 === 0
          ? reader.post('/comments', { form: { article: 'none', body: 'burst' } })
          : reader.post('/api/comments', { data: { article: 'none', body: 'burst' } }),
      // The login door's zone, through the door that hashes nothing: failed logins from 127.0.0.1
      // could trip the app's own per-address login throttle for the test files that follow.
      'password reset requests': () => reader.post('/api/users/forgot-password', { data: { email: 'nobody@example.com' } }),
      'GraphQL queries': () => reader.post('/api/graphql', { data: { query: '{ __typename }' } }),
    }
    for (const [what, send] of Object.entries(kinds)) {
      const { statuses, retryAfter } = await burst(send, 20)
      // The first few of a burst go through (whatever the app answers them); the rest are refused.
      expect(statuses.slice(0, 3).filter((status) => status === 429), what).toEqual([])
      expect(statuses.filter((status) => status === 429).length, `${what}: ${statuses.join(' ')}`).toBeGreaterThanOrEqual(5)
      expect(retryAfter, what).toBe('10')
    }
  })
})
