import type { APIRequestContext } from '@playwright/test'

import { expect, test } from '@playwright/test'
import { spawnSync } from 'node:child_process'

import { authHeaders } from '../helpers/seededAccounts'

/**
 * Reader pages are cached and expired by tag when what they show changes (src/cache). Every
 * check first loads the page so that a cached copy exists, then changes the content through
 * REST as staff, then expects the very next anonymous request to show the change: no waiting.
 */

const REFERENCE_PATH = '/entertainment/everything-we-know-about-heartstopper-season-2'

type Doc = { id: string; slug: string }

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

// REST bodies; the assertions that read them check their shape.
async function json(response: Awaited<ReturnType<APIRequestContext['get']>>, expected: number): Promise<any> {
  expect(response.status(), await response.text()).toBe(expected)
  return response.json()
}

/** An anonymous reader's view of a page: status, body and whether the server answered from its response cache. */
async function read(request: APIRequestContext, path: string) {
  const response = await request.get(path, { headers: { cookie: '' }, maxRedirects: 0 })
  // React separates adjacent text with <!-- --> in HTML; readers (and these checks) see plain text.
  const body = (await response.text()).replaceAll('<!-- -->', '')
  return { status: response.status(), body, cache: response.headers()['x-byline-cache'] ?? null, headers: response.headers() }
}

async function findOne(request: APIRequestContext, headers: Record<string, string>, collection: string, where: string): Promise<Doc> {
  const body = await json(await request.get(`/api/${collection}?${where}&limit=1&depth=0`, { headers }), 200)
  expect(body.docs.length, `${collection} ${where}`).toBe(1)
  return body.docs[0]
}

test.describe('Cached reader pages', () => {
  test('the article page is generated once and then served from the cache', async ({ request }) => {
    await read(request, REFERENCE_PATH)
    const second = await read(request, REFERENCE_PATH)
    expect(second.status).toBe(200)
    expect(second.cache).toBe('HIT')
  })

  test('the server answers repeated views from memory, compressed, and never a reader with a session of their own', async ({ request }) => {
    await read(request, REFERENCE_PATH)
    for (const encoding of ['br', 'gzip']) {
      const response = await request.get(REFERENCE_PATH, { headers: { cookie: '', 'accept-encoding': encoding } })
      expect(response.headers()['x-byline-cache']).toBe('HIT')
      expect(response.headers()['content-encoding']).toBe(encoding)
      expect(await response.text()).toContain('<h1')
    }
    const etag = (await request.get(REFERENCE_PATH, { headers: { cookie: '' } })).headers().etag
    expect(etag).toBeTruthy()
    const conditional = await request.get(REFERENCE_PATH, { headers: { cookie: '', 'if-none-match': etag } })
    expect(conditional.status()).toBe(304)
    // A session cookie (even one that signs nobody in) makes the page someone's: Next renders it.
    const staff = await request.get(REFERENCE_PATH, { headers: { cookie: 'payload-token=not-a-session' } })
    expect(staff.status()).toBe(200)
    expect(staff.headers()['x-byline-cache']).toBeUndefined()
  })

  test('approving a comment shows it, with the new count, at the next request; trashing it removes it', async ({ request }) => {
    const admin = await authHeaders(request, 'admin')
    const moderator = await authHeaders(request, 'moderator')
    const article = await findOne(request, admin, 'articles', 'where[slug][equals]=everything-we-know-about-heartstopper-season-2')
    const text = `Cache check ${unique()}: the finale made me cry.`
    const created = await json(
      await request.post('/api/comments', {
        headers: admin,
        data: { article: article.id, authorName: 'Cache Reader', authorEmail: `cache-${unique()}@example.com`, body: text, status: 'pending' },
      }),
      201,
    )
    const commentId: string = created.doc.id
    try {
      const before = await read(request, REFERENCE_PATH)
      expect(before.body).not.toContain(text)
      const countBefore = Number(/href="#comments">(\d+)/.exec(before.body)?.[1])

      const started = Date.now()
      await json(await request.patch(`/api/comments/${commentId}`, { headers: moderator, data: { status: 'approved' } }), 200)
      const after = await read(request, REFERENCE_PATH)
      const elapsed = Date.now() - started
      expect(after.body).toContain(text)
      expect(after.body).toContain(`href="#comments">${countBefore + 1}`)
      console.log(`approve → visible in the article HTML: ${elapsed} ms (REST approve + first page request)`)

      await json(await request.patch(`/api/comments/${commentId}`, { headers: moderator, data: { status: 'trash' } }), 200)
      expect((await read(request, REFERENCE_PATH)).body).not.toContain(text)
    } finally {
      await request.delete(`/api/comments/${commentId}`, { headers: admin })
    }
  })

  test('publishing an article puts it on every public page at once, and unpublishing takes it off them all', async ({ request }) => {
    const editor = await authHeaders(request, 'editor')
    const category = await findOne(request, editor, 'categories', 'where[slug][equals]=entertainment')
    const author = await findOne(request, editor, 'authors', 'sort=name')
    const title = `Cache Check ${unique()}`
    const draft = await json(
      await request.post('/api/articles', {
        headers: editor,
        data: { title, excerpt: 'Written to see the caches expire.', category: category.id, authors: [author.id], _status: 'draft' },
      }),
      201,
    )
    const { id, slug } = draft.doc as Doc
    const articlePath = `/entertainment/${slug}`
    // Everything that lists articles, loaded (and so cached) while the article is a draft.
    const listings = ['/', '/entertainment', '/feed.xml', '/entertainment/feed.xml', '/sitemap.xml']
    try {
      expect((await read(request, articlePath)).status).toBe(404)
      for (const path of listings) expect((await read(request, path)).body, path).not.toContain(slug)

      const started = Date.now()
      await json(await request.patch(`/api/articles/${id}`, { headers: editor, data: { _status: 'published' } }), 200)
      const page = await read(request, articlePath)
      console.log(`publish → article page live: ${Date.now() - started} ms`)
      expect(page.status).toBe(200)
      expect(page.body).toContain(title)
      for (const path of listings) expect((await read(request, path)).body, `${path} after publishing`).toContain(slug)
      expect((await read(request, `/search?q=${encodeURIComponent(title)}`)).body).toContain(articlePath)
      // Eleven published articles: the home page's second page now exists, and is cached on its own.
      const second = await read(request, '/?page=2')
      expect(second.status).toBe(200)
      expect(second.body).toContain('Latest, page 2')

      await json(await request.patch(`/api/articles/${id}`, { headers: editor, data: { _status: 'draft' } }), 200)
      expect((await read(request, articlePath)).status).toBe(404)
      for (const path of listings) expect((await read(request, path)).body, `${path} after unpublishing`).not.toContain(slug)
      expect((await read(request, `/search?q=${encodeURIComponent(title)}`)).body).not.toContain(articlePath)
      expect((await read(request, '/?page=2')).status).toBe(404)
    } finally {
      await request.delete(`/api/articles/${id}`, { headers: editor })
    }
  })

  test('a scheduled article goes live on every public page when the jobs runner publishes it, its cached 404 included', async ({ request }) => {
    // Issue 22 A: the job published on time, but its signed request to expire the pages was refused
    // (401), so the site missed the story for up to an hour. The server's cron runs every minute.
    test.setTimeout(200_000)
    const editor = await authHeaders(request, 'editor')
    const category = await findOne(request, editor, 'categories', 'where[slug][equals]=entertainment')
    const author = await findOne(request, editor, 'authors', 'sort=name')
    const title = `Scheduled Check ${unique()}`
    const draft = await json(
      await request.post('/api/articles', {
        headers: editor,
        data: { title, excerpt: 'Written to see a scheduled publish refresh the site.', category: category.id, authors: [author.id], _status: 'draft' },
      }),
      201,
    )
    const { id, slug } = draft.doc as Doc
    const articlePath = `/entertainment/${slug}`
    try {
      // Loaded before go-live, so that a cached 404 and a cached listing without it exist.
      expect((await read(request, articlePath)).status).toBe(404)
      expect((await read(request, '/entertainment')).body).not.toContain(slug)
      expect((await read(request, '/entertainment')).cache).toBe('HIT')

      const queued = spawnSync('npx', ['tsx', 'tests/helpers/queueScheduledPublish.ts', id, new Date(Date.now() + 5_000).toISOString()], {
        encoding: 'utf8',
        env: { ...process.env, npm_config_loglevel: 'error' },
      })
      expect(queued.status, queued.stderr).toBe(0)

      await expect.poll(async () => (await read(request, articlePath)).status, { timeout: 150_000, intervals: [2_000] }).toBe(200)
      expect((await read(request, articlePath)).body).toContain(title)
      // The listing refreshes with it: the job's expiry reached the server, not just Next's per-page timer.
      expect((await read(request, '/entertainment')).body).toContain(slug)
      expect((await read(request, '/')).body).toContain(slug)
    } finally {
      await request.delete(`/api/articles/${id}`, { headers: editor })
    }
  })

  test("renaming an author updates the byline on their articles' pages", async ({ request }) => {
    const editor = await authHeaders(request, 'editor')
    const before = await read(request, REFERENCE_PATH)
    const byline = /class="byline-box__name"><a href="\/authors\/([a-z0-9-]+)"/.exec(before.body)
    expect(byline, 'the reference article has a byline box linking to its author').not.toBeNull()
    const author = await findOne(request, editor, 'authors', `where[slug][equals]=${byline?.[1]}`)
    const { name } = await json(await request.get(`/api/authors/${author.id}`, { headers: editor }), 200)
    const renamed = `${name} ${unique()}`
    try {
      await json(await request.patch(`/api/authors/${author.id}`, { headers: editor, data: { name: renamed } }), 200)
      expect((await read(request, REFERENCE_PATH)).body).toContain(renamed)
      expect((await read(request, `/authors/${author.slug}`)).body).toContain(renamed)
    } finally {
      await request.patch(`/api/authors/${author.id}`, { headers: editor, data: { name } })
    }
    expect((await read(request, REFERENCE_PATH)).body).not.toContain(renamed)
  })

  test("a reader with a comment cookie gets their own view, never the shared cache, and never shares theirs", async ({ request }) => {
    const saved = Buffer.from(JSON.stringify({ authorName: 'Remembered Reader', authorEmail: 'remembered@example.com', authorUrl: '' })).toString('base64url')
    const own = await request.get(REFERENCE_PATH, { headers: { cookie: `byline_commenter=${saved}` } })
    expect(own.status()).toBe(200)
    expect(own.headers()['cache-control']).toContain('private')
    expect(await own.text()).toContain('value="Remembered Reader"')

    const shared = await read(request, REFERENCE_PATH)
    expect(shared.headers['cache-control']).not.toContain('private')
    expect(shared.body).not.toContain('Remembered Reader')
  })

  test('comments are paged by the discussion setting, and changing the setting re-renders article pages', async ({ request }) => {
    const editor = await authHeaders(request, 'editor')
    const { commentsPerPage } = await json(await request.get('/api/globals/discussion', { headers: editor }), 200)
    const ids = (html: string) => [...html.matchAll(/<li class="comment[^"]*" id="comment-([^"]+)"/g)].map((match) => match[1])
    expect((await read(request, REFERENCE_PATH)).body).not.toContain('Comments page 1 of')
    try {
      await json(await request.post('/api/globals/discussion', { headers: editor, data: { commentsPerPage: 3 } }), 200)
      const first = await read(request, REFERENCE_PATH)
      expect(first.body).toMatch(/Comments page 1 of \d+/)
      expect(first.body).toContain(`href="${REFERENCE_PATH}/comment-page-2#comments"`)
      const second = await read(request, `${REFERENCE_PATH}/comment-page-2`)
      expect(second.status).toBe(200)
      expect(second.body).toContain('Comments page 2 of')
      expect(ids(second.body).length).toBeGreaterThan(0)
      expect(ids(second.body).filter((id) => ids(first.body).includes(id))).toEqual([])
      expect((await read(request, `${REFERENCE_PATH}/comment-page-999`)).status).toBe(404)
    } finally {
      await request.post('/api/globals/discussion', { headers: editor, data: { commentsPerPage } })
    }
    expect((await read(request, REFERENCE_PATH)).body).not.toContain('Comments page 1 of')
  })

  test('the cached article page reports each view with a beacon after load, for Most Popular', async ({ browser, request }) => {
    // Headless Chromium says so in its user agent, and the view counter ignores automated browsers.
    const context = await browser.newContext({
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
    })
    const page = await context.newPage()
    await read(request, REFERENCE_PATH)
    const beacon = page.waitForRequest((sent) => new URL(sent.url()).pathname === '/views' && sent.method() === 'POST')
    const response = await page.goto(REFERENCE_PATH)
    expect(response?.headers()['cache-control']).not.toContain('private')
    const sent = await beacon
    expect(new URLSearchParams(sent.postData() ?? '').get('article')).toMatch(/\S+/)
    expect((await sent.response())?.status()).toBe(204)
    await context.close()
  })
})
