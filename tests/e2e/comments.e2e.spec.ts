import type { APIRequestContext, Browser, BrowserContextOptions, Page } from '@playwright/test'

import { expect, test } from '@playwright/test'
import { randomBytes } from 'node:crypto'

import { authHeaders } from '../helpers/seededAccounts'

/** The form refuses anything sent faster than a person could (src/comments/spam.ts). */
const HUMAN_PAUSE_MS = 3_200

type Made = { articles: string[] }

let ipCounter = 0
/** Each reader gets an address of their own, so flood control only sees one comment each. */
const reader = (browser: Browser, options: BrowserContextOptions = {}) =>
  browser.newContext({ ...options, extraHTTPHeaders: { 'x-forwarded-for': `192.0.2.${(++ipCounter % 250) + 1}` } })

const tag = () => randomBytes(4).toString('hex')

async function createArticle(request: APIRequestContext, admin: Record<string, string>, { commentsOpen }: { commentsOpen: boolean }) {
  const find = async (collection: string, slug: string) => {
    const response = await request.get(`/api/${collection}?where[slug][equals]=${slug}&limit=1&depth=0`, { headers: admin })
    return (await response.json()).docs[0].id as string
  }
  const slug = `comments-e2e-${tag()}`
  const response = await request.post('/api/articles', {
    headers: admin,
    data: {
      title: `Comments e2e ${slug}`,
      slug,
      category: await find('categories', 'entertainment'),
      authors: [await find('authors', 'ellis-marlowe')],
      commentsOpen,
      _status: 'published',
    },
  })
  expect(response.status(), 'create a test article').toBe(201)
  return { id: (await response.json()).doc.id as string, path: `/entertainment/${slug}` }
}

async function fillForm(page: Page, values: { body?: string; name?: string; email?: string }) {
  if (values.body !== undefined) await page.getByLabel('Comment *').fill(values.body)
  if (values.name !== undefined) await page.getByLabel('Name *').fill(values.name)
  if (values.email !== undefined) await page.getByLabel('Email *').fill(values.email)
}

test.describe('Comments', () => {
  let admin: Record<string, string>
  let moderator: Record<string, string>
  const made: Made = { articles: [] }

  test.beforeAll(async ({ request }) => {
    admin = await authHeaders(request, 'admin')
    moderator = await authHeaders(request, 'moderator')
  })

  test.afterAll(async ({ request }) => {
    for (const id of made.articles) {
      await request.delete(`/api/comments?where[article][equals]=${id}`, { headers: admin })
      await request.delete(`/api/articles/${id}`, { headers: admin })
    }
  })

  const article = async (request: APIRequestContext, commentsOpen = true) => {
    const created = await createArticle(request, admin, { commentsOpen })
    made.articles.push(created.id)
    return created
  }

  test('a reader posts with JavaScript, sees it awaiting moderation, and nobody else sees it until a moderator approves it', async ({ browser, request }) => {
    const { path } = await article(request)
    const body = `Inline thoughts ${tag()}`
    const context = await reader(browser)
    const page = await context.newPage()
    await page.goto(path)
    await page.waitForTimeout(HUMAN_PAUSE_MS)
    await fillForm(page, { body, name: 'Jo Reader', email: `jo-${tag()}@example.net` })
    await page.getByRole('button', { name: 'Post Comment' }).click()

    const posted = page.locator('.respond__posted')
    await expect(posted).toContainText('Your comment is awaiting moderation.')
    await expect(posted).toContainText(body)
    // Where the reader is looking: the comment is brought into view and focused, and the status
    // line under the button (a live region) says what happened.
    await expect(posted).toBeFocused()
    await expect(posted).toBeInViewport()
    await expect(page.getByRole('status')).toHaveText('Your comment is awaiting moderation. It is shown above the form.')
    expect(new URL(page.url()).pathname).toBe(path)
    await expect(page.getByLabel('Comment *')).toHaveValue('')
    const id = (await posted.getAttribute('id'))?.replace('comment-', '')

    // After a reload the reader still sees their own held comment, from their cookie.
    await page.reload()
    await expect(page.locator('#comments .comment--pending')).toContainText(body)
    await expect(page.locator('#comments .comment--pending')).toContainText('Your comment is awaiting moderation.')

    const stranger = await reader(browser)
    const other = await stranger.newPage()
    await other.goto(path)
    await expect(other.locator('#comments')).not.toContainText(body)

    const approve = await request.patch(`/api/comments/${id}`, { headers: moderator, data: { status: 'approved' } })
    expect(approve.status()).toBe(200)
    await other.reload()
    await expect(other.locator(`#comment-${id}`)).toContainText(body)
    await expect(other.locator('#comments-heading')).toHaveText('1 Comment')
    await context.close()
    await stranger.close()
  })

  test('without JavaScript, a missing name is reported, the typed comment kept, and a correction sent at once is posted, not filed as spam', async ({ browser, request }) => {
    const { path } = await article(request)
    const context = await reader(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(path)
    await page.waitForTimeout(HUMAN_PAUSE_MS)
    const body = `Typed without scripts ${tag()}`
    await fillForm(page, { body, email: `nojs-${tag()}@example.net` })
    await page.getByRole('button', { name: 'Post Comment' }).click()

    await expect(page.getByRole('alert')).toContainText('Please check the fields marked below')
    await expect(page.getByLabel('Name *')).toHaveAccessibleDescription('Please enter your name here')
    await expect(page.getByLabel('Comment *')).toHaveValue(body)
    expect(page.url()).not.toContain('example.net')
    await expect(page.getByRole('link', { name: 'Back to the article' })).toHaveAttribute('href', `${path}#respond`)

    // Type the missing name and press Enter straight away: well within the 3 seconds a bot takes.
    await page.getByLabel('Name *').fill('Sam')
    await page.getByLabel('Name *').press('Enter')
    await expect(page).toHaveURL(new RegExp(`${path}#comment-`))
    await expect(page.locator('#comments .comment--pending')).toContainText('Your comment is awaiting moderation.')
    await expect(page.locator('#comments .comment--pending')).toContainText(body)
    const id = new URL(page.url()).hash.replace('#comment-', '')
    const stored = await request.get(`/api/comments/${id}?depth=0`, { headers: moderator })
    expect(await stored.json()).toMatchObject({ status: 'pending' })
    await context.close()
  })

  for (const via of ['directly', 'through nginx'] as const) {
    test(`without JavaScript, a refused 5,000-character comment in CJK and emoji comes back whole, ${via}`, async ({ browser, request }) => {
      const { path } = await article(request)
      // The nginx front from deploy/, which answered 502 when the refused text went into a cookie.
      const front = via === 'directly' ? {} : { baseURL: `http://localhost:${process.env.E2E_FRONT_PORT}` }
      const context = await reader(browser, { javaScriptEnabled: false, ...front })
      const page = await context.newPage()
      await page.goto(path)
      // 4,000 CJK characters and 500 emoji (two UTF-16 units each): 5,000, the longest comment allowed.
      const body = `${'コメント'.repeat(1000)}${'😀'.repeat(500)}`
      expect(body.length).toBe(5000)
      await fillForm(page, { body, email: `long-${tag()}@example.net` })
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/comments') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Post Comment' }).click(),
      ])
      expect(response.status()).toBe(400)
      await expect(page.getByLabel('Name *')).toHaveAccessibleDescription('Please enter your name here')
      expect(await page.getByLabel('Comment *').inputValue()).toBe(body)
      await context.close()
    })
  }

  test('a form posted from another site is refused with a message (403) and nothing is stored', async ({ browser, request, baseURL }) => {
    const { id: articleId, path } = await article(request)
    const body = `Forged from elsewhere ${tag()}`
    const context = await reader(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    // A page on another site whose form posts to ours, as a cross-site request forgery would.
    await page.route('https://elsewhere.example/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" action="${baseURL}/comments"><input name="article" value="${articleId}"><input name="return" value="${path}">
          <input name="authorName" value="Forger"><input name="authorEmail" value="forger@example.net"><textarea name="body">${body}</textarea>
          <button>Send</button></form>`,
      }),
    )
    await page.goto('https://elsewhere.example/')
    const [response] = await Promise.all([page.waitForResponse(`${baseURL}/comments`), page.getByRole('button', { name: 'Send' }).click()])
    expect(response.status()).toBe(403)
    await expect(page.getByRole('alert')).toContainText('sent from another site')
    const stored = await request.get(`/api/comments?where[body][equals]=${encodeURIComponent(body)}&depth=0`, { headers: moderator })
    expect((await stored.json()).totalDocs).toBe(0)
    await context.close()
  })

  test('a reader replies to an approved comment with the Reply link', async ({ browser, request }) => {
    const { id: articleId, path } = await article(request)
    const parentBody = `Start of a thread ${tag()}`
    const created = await request.post('/api/comments', {
      headers: admin,
      data: { article: articleId, authorName: 'Ada L.', authorEmail: `ada-${tag()}@example.net`, body: parentBody, status: 'approved' },
    })
    expect(created.status()).toBe(201)
    const parentId = (await created.json()).doc.id

    const context = await reader(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(path)
    await page.locator(`#comment-${parentId}`).getByRole('link', { name: 'Reply to Ada L.' }).click()
    // A name that ends in a full stop ends the sentence: "Replying to Ada L.", not "Ada L..".
    await expect(page.locator('.comment-form__replying')).toHaveText('Replying to Ada L. Cancel reply')
    await page.waitForTimeout(HUMAN_PAUSE_MS)
    const body = `A reply ${tag()}`
    await fillForm(page, { body, name: 'Bo', email: `bo-${tag()}@example.net` })
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await expect(page.locator(`#comment-${parentId} .comment-list--replies .comment--pending`)).toContainText(body)
    await context.close()
  })

  test('a closed article says so and shows no form', async ({ page, request }) => {
    const { path } = await article(request, false)
    await page.goto(path)
    await expect(page.locator('#respond')).toContainText('Comments are closed.')
    await expect(page.locator('#respond form')).toHaveCount(0)
  })

  test('bodies are plain text with unendorsed links', async ({ page, request }) => {
    const { id: articleId, path } = await article(request)
    const body = `<b>not bold</b> see https://example.org/page.\n\nSecond paragraph ${tag()}`
    const created = await request.post('/api/comments', {
      headers: admin,
      data: { article: articleId, authorName: 'Cy', authorEmail: `cy-${tag()}@example.net`, body, status: 'approved' },
    })
    const id = (await created.json()).doc.id
    await page.goto(path)
    const comment = page.locator(`#comment-${id} .comment__body`)
    await expect(comment.locator('p')).toHaveCount(2)
    await expect(comment).toContainText('<b>not bold</b>')
    await expect(comment.locator('b')).toHaveCount(0)
    await expect(comment.getByRole('link', { name: 'https://example.org/page' })).toHaveAttribute('rel', 'nofollow ugc noopener')
  })
})
