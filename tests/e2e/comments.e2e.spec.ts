import type { APIRequestContext, Browser, BrowserContextOptions, Page } from '@playwright/test'

import { expect, test } from '@playwright/test'
import { randomBytes } from 'node:crypto'

import { authHeaders } from './seededAccounts'

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

  test('without JavaScript, a missing name is reported and the typed comment kept', async ({ browser, request }) => {
    const { path } = await article(request)
    const context = await reader(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(path)
    await page.waitForTimeout(HUMAN_PAUSE_MS)
    const body = `Typed without scripts ${tag()}`
    await fillForm(page, { body, email: `nojs-${tag()}@example.net` })
    await page.getByRole('button', { name: 'Post Comment' }).click()

    await expect(page.locator('#respond')).toContainText('Please enter your name here')
    await expect(page.getByLabel('Comment *')).toHaveValue(body)
    expect(page.url()).not.toContain('example.net')
    expect(page.url()).toContain('#respond')

    await page.getByLabel('Name *').fill('Sam')
    await page.waitForTimeout(HUMAN_PAUSE_MS)
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await expect(page.locator('#comments .comment--pending')).toContainText('Your comment is awaiting moderation.')
    await expect(page.locator('#comments .comment--pending')).toContainText(body)
    await context.close()
  })

  test('a reader replies to an approved comment with the Reply link', async ({ browser, request }) => {
    const { id: articleId, path } = await article(request)
    const parentBody = `Start of a thread ${tag()}`
    const created = await request.post('/api/comments', {
      headers: admin,
      data: { article: articleId, authorName: 'Ada', authorEmail: `ada-${tag()}@example.net`, body: parentBody, status: 'approved' },
    })
    expect(created.status()).toBe(201)
    const parentId = (await created.json()).doc.id

    const context = await reader(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(path)
    await page.locator(`#comment-${parentId}`).getByRole('link', { name: 'Reply to Ada' }).click()
    await expect(page.locator('#respond')).toContainText('Replying to Ada')
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
