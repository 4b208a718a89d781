import type { APIRequestContext, Locator, Page } from '@playwright/test'

import { expect, test } from '@playwright/test'
import { randomBytes } from 'node:crypto'

import { authHeaders, submitAdminLogin } from './seededAccounts'

/**
 * A moderator's day: log in, land on the queue, see what waits (the demo's held comments among
 * it), approve a comment with one click and find it on the article page; then the keyboard.
 * The comments acted on belong to an article this spec creates, so the demo's own held comments
 * (which the reader-site spec expects to stay hidden) are only looked at.
 */

/** The demo seed's held comments on the reference article (src/seed/data.ts). */
const SEEDED_PENDING = ['keeps the episodes short', 'tour for the launch', 'Nick and Charlie go next']

const tag = () => randomBytes(4).toString('hex')

let ipCounter = 0
/** Each reader comment from an address of its own, so flood control sees one comment each. */
const readerHeaders = () => ({ 'x-forwarded-for': `198.51.100.${(++ipCounter % 250) + 1}` })

async function pendingTotal(request: APIRequestContext, headers: Record<string, string>): Promise<number> {
  const response = await request.get('/api/comments?where[status][equals]=pending&limit=1&depth=0', { headers })
  expect(response.status()).toBe(200)
  return (await response.json()).totalDocs
}

const tab = (page: Page, name: string): Locator => page.getByRole('navigation', { name: 'Comment status' }).getByRole('link', { name: new RegExp(`^${name}`) })
const row = (page: Page, text: string): Locator => page.locator('.moderation__row', { hasText: text })
/** The queue's live region, where every action reports its result. */
const outcome = (page: Page): Locator => page.locator('.moderation__outcome[role="status"]')

test.describe('Moderation queue', () => {
  let admin: Record<string, string>
  let moderator: Record<string, string>
  let article: { id: string; path: string; title: string }
  const comments = {
    click: { name: 'Ada', body: `Approve me with one click ${tag()}` },
    keys: { name: 'Kai', body: `Move me with the keyboard ${tag()}` },
    bulkOne: { name: 'Bo', body: `Trash me in bulk ${tag()}` },
    bulkTwo: { name: 'Cy', body: `Trash me too ${tag()}` },
  }

  test.beforeAll(async ({ request }) => {
    admin = await authHeaders(request, 'admin')
    moderator = await authHeaders(request, 'moderator')
    const find = async (collection: string, slug: string) => {
      const response = await request.get(`/api/${collection}?where[slug][equals]=${slug}&limit=1&depth=0`, { headers: admin })
      return (await response.json()).docs[0].id as string
    }
    const slug = `moderation-e2e-${tag()}`
    const title = `Moderation e2e ${slug}`
    const created = await request.post('/api/articles', {
      headers: admin,
      data: {
        title,
        slug,
        category: await find('categories', 'entertainment'),
        authors: [await find('authors', 'ellis-marlowe')],
        commentsOpen: true,
        _status: 'published',
      },
    })
    expect(created.status(), 'create a test article').toBe(201)
    article = { id: (await created.json()).doc.id, path: `/entertainment/${slug}`, title }
    // Posted as readers do; the discussion settings hold every comment.
    for (const { name, body } of Object.values(comments)) {
      const posted = await request.post('/api/comments', {
        headers: readerHeaders(),
        data: { article: article.id, authorName: name, authorEmail: `${name.toLowerCase()}-${tag()}@example.net`, body },
      })
      expect(posted.status()).toBe(201)
      expect((await posted.json()).doc.status).toBe('pending')
    }
  })

  test.afterAll(async ({ request }) => {
    if (!article) return
    await request.delete(`/api/comments?where[article][equals]=${article.id}`, { headers: admin })
    await request.delete(`/api/articles/${article.id}`, { headers: admin })
  })

  test.beforeEach(async ({ page }) => {
    await submitAdminLogin(page, 'moderator')
    // Moderators land on the queue, not the dashboard.
    await expect(page).toHaveURL(/\/admin\/moderation$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Moderation queue' })).toBeVisible()
  })

  test('opens on the held comments with counts, and one click approves one for the article page', async ({ page, browser, request }) => {
    const pending = await pendingTotal(request, moderator)
    expect(pending).toBeGreaterThanOrEqual(SEEDED_PENDING.length + Object.keys(comments).length)
    await expect(tab(page, 'Pending')).toHaveAttribute('aria-current', 'page')
    await expect(tab(page, 'Pending')).toContainText(String(pending))
    await expect(page.getByTestId('moderation-badge')).toHaveText(`${pending} pending`)
    for (const text of SEEDED_PENDING) await expect(row(page, text)).toBeVisible()
    await expect(row(page, SEEDED_PENDING[0] ?? '').getByRole('link', { name: /Everything We Know About Heartstopper Season 2/ })).toBeVisible()
    await expect(page.getByText(/Keyboard: j\/k/)).toBeVisible()

    const ada = row(page, comments.click.body)
    await expect(ada.getByRole('link', { name: new RegExp(article.title) })).toHaveAttribute('href', article.path)
    await ada.getByRole('button', { name: `Approve the comment by ${comments.click.name}` }).click()
    await expect(outcome(page)).toContainText(`The comment by ${comments.click.name} was approved.`)
    await expect(ada).toHaveCount(0)
    await expect(tab(page, 'Pending')).toContainText(String(pending - 1))
    await expect(page.getByTestId('moderation-badge')).toHaveText(`${pending - 1} pending`)

    // A reader (no session) sees it on the article page; reloading, as pages may be cached briefly.
    const context = await browser.newContext()
    const reader = await context.newPage()
    await reader.goto(article.path)
    await expect(async () => {
      await reader.reload()
      await expect(reader.locator('#comments')).toContainText(comments.click.body, { timeout: 1_000 })
    }).toPass({ timeout: 15_000 })
    await context.close()

    await tab(page, 'Approved').click()
    await expect(page).toHaveURL(/status=approved/)
    await expect(row(page, comments.click.body)).toBeVisible()
  })

  test('keyboard: j moves to a comment, s marks it as spam, z undoes it', async ({ page, request }) => {
    const pending = await pendingTotal(request, moderator)
    const kai = row(page, comments.keys.body)
    await expect(kai).toBeVisible()
    for (let presses = 0; presses < 50; presses++) {
      await page.keyboard.press('j')
      if (await kai.evaluate((element) => element === document.activeElement)) break
    }
    await expect(kai).toBeFocused()

    await page.keyboard.press('s')
    await expect(outcome(page)).toContainText(`The comment by ${comments.keys.name} was marked as spam.`)
    await expect(kai).toHaveCount(0)
    await expect(tab(page, 'Pending')).toContainText(String(pending - 1))

    await page.keyboard.press('z')
    await expect(outcome(page)).toContainText('Undone')
    await expect(kai).toBeVisible()
    await expect(tab(page, 'Pending')).toContainText(String(pending))
  })

  test('bulk: ticks two comments and trashes them together; Restore in the trash brings one back', async ({ page }) => {
    const targets = [comments.bulkOne, comments.bulkTwo].map(({ body }) => row(page, body))
    for (const [index, target] of targets.entries()) {
      await target.getByRole('checkbox').check()
      await expect(page.getByText(`${index + 1} selected`)).toBeVisible()
    }
    await page.getByRole('group', { name: 'Bulk actions' }).getByRole('button', { name: 'Trash selected' }).click()
    await expect(outcome(page)).toContainText('2 comments were moved to the trash.')
    for (const target of targets) await expect(target).toHaveCount(0)

    await tab(page, 'Trash').click()
    await expect(page).toHaveURL(/status=trash/)
    const bo = row(page, comments.bulkOne.body)
    await bo.getByRole('button', { name: `Restore the comment by ${comments.bulkOne.name}` }).click()
    await expect(outcome(page)).toContainText(`The comment by ${comments.bulkOne.name} was restored to Pending.`)
    await expect(bo).toHaveCount(0)
    await expect(row(page, comments.bulkTwo.body)).toBeVisible()
  })

  test('the Spam tab says why the rules filed a comment as spam', async ({ page, request }) => {
    const body = `Filled in the trap ${tag()}`
    const posted = await request.post('/api/comments', {
      headers: readerHeaders(),
      data: { article: article.id, authorName: 'Trap', authorEmail: `trap-${tag()}@example.net`, body, phone: '555-0100' },
    })
    expect((await posted.json()).doc.status).toBe('spam')
    await tab(page, 'Spam').click()
    await expect(page).toHaveURL(/status=spam/)
    await expect(row(page, body).locator('.moderation__spam-reason')).toHaveText('Filed as spam: honeypot filled in')
  })

  test('a reader who ticks “Notify me of follow-up comments by email” is not subscribed until they confirm by email', async ({ browser, request }) => {
    const context = await browser.newContext({ extraHTTPHeaders: readerHeaders() })
    const reader = await context.newPage()
    await reader.goto(article.path)
    // The form refuses anything sent faster than a person could (src/comments/spam.ts).
    await reader.waitForTimeout(3_200)
    const body = `Tell me when someone answers ${tag()}`
    await reader.getByLabel('Comment *').fill(body)
    await reader.getByLabel('Name *').fill('Noor')
    await reader.getByLabel('Email *').fill(`noor-${tag()}@example.net`)
    await reader.getByLabel('Notify me of follow-up comments by email.').check()
    await reader.getByRole('button', { name: 'Post Comment' }).click()
    const posted = reader.locator('.respond__posted')
    await expect(posted).toContainText('Your comment is awaiting moderation.')
    const id = (await posted.getAttribute('id'))?.replace('comment-', '')
    await context.close()

    const asModerator = await request.get(`/api/comments/${id}?depth=0`, { headers: moderator })
    // Double opt-in: the confirmation link in the email subscribes them (tests/int/notifications.int.spec.ts).
    expect((await asModerator.json()).notifyOnReply).toBe(false)
  })
})
