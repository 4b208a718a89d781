import type { APIRequestContext, Locator, Page } from '@playwright/test'

import { expect, test } from '@playwright/test'
import { randomBytes } from 'node:crypto'

import { authHeaders, seededAccount, submitAdminLogin } from '../helpers/seededAccounts'

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
  const searchEmail = `searchable-${tag()}@example.net`
  const comments = {
    click: { name: 'Ada', body: `Approve me with one click ${tag()}` },
    keys: { name: 'Kai', body: `Move me with the keyboard ${tag()}` },
    bulkOne: { name: 'Bo', body: `Trash me in bulk ${tag()}` },
    bulkTwo: { name: 'Cy', body: `Trash me too ${tag()}` },
    replyTo: { name: 'Rhea', body: `Will you answer me ${tag()}` },
    edit: { name: 'Ed', body: `Edit my typo teh ${tag()}` },
    search: { name: `Searchable ${tag()}`, body: `Find me by name ${tag()}` },
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
      const authorEmail = name === comments.search.name ? searchEmail : `${name.toLowerCase()}-${tag()}@example.net`
      const posted = await request.post('/api/comments', {
        headers: readerHeaders(),
        data: { article: article.id, authorName: name, authorEmail, body },
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
    // Every frame after the login form has gone must show something: a redirect through the
    // dashboard used to leave the page blank for about half a second (issue #11, point 12).
    await page.addInitScript(() => {
      const frames = { blank: 0, seen: 0 }
      Object.assign(window, { landingFrames: frames })
      const sample = () => {
        if (document.body && !location.pathname.endsWith('/login')) {
          frames.seen += 1
          if (document.body.innerText.trim() === '') frames.blank += 1
        }
        requestAnimationFrame(sample)
      }
      requestAnimationFrame(sample)
    })
    await submitAdminLogin(page, 'moderator')
    // Moderators land on the queue, not the dashboard.
    await expect(page).toHaveURL(/\/admin\/moderation$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Moderation queue' })).toBeVisible()
    const frames = await page.evaluate(() => (window as unknown as { landingFrames: { blank: number; seen: number } }).landingFrames)
    expect(frames.seen).toBeGreaterThan(0)
    expect(frames.blank, 'frames with a blank page between the login and the queue').toBe(0)
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
  test('replies inline as the newsroom: the held comment is approved and the reply threaded under it on the article page', async ({ page, browser }) => {
    const { name, body } = comments.replyTo
    const rhea = row(page, body)
    await rhea.getByRole('button', { name: `Reply to the comment by ${name}` }).click()
    const box = rhea.getByRole('textbox', { name: `Reply to ${name} as Byline` })
    await expect(box).toBeFocused()
    const answer = `Thanks, ${name}: we have corrected the date ${tag()}`
    await box.fill(answer)
    await rhea.getByRole('button', { name: 'Approve and reply' }).click()
    await expect(outcome(page)).toContainText(`Your reply to ${name} is published, and their comment approved.`)
    await expect(rhea).toHaveCount(0)

    const context = await browser.newContext()
    const reader = await context.newPage()
    await reader.goto(article.path)
    const asked = reader.locator('#comments li.comment', { hasText: body }).first()
    await expect(async () => {
      await reader.reload()
      await expect(asked.locator('.comment-list--replies li.comment--newsroom'), 'the reply, under the comment').toContainText(answer, { timeout: 1_000 })
    }).toPass({ timeout: 15_000 })
    const reply = asked.locator('.comment-list--replies li.comment--newsroom')
    await expect(reply.locator('.comment__author')).toHaveText('Byline Staff')
    // The moderator's address, stored with the reply for the newsroom, is nowhere on the page.
    expect(await reader.content()).not.toContain(seededAccount('moderator').email)
    await context.close()
  })

  test('quick edit: fixes a comment’s text in place; the API’s own rules refuse a text that is too long', async ({ page, request }) => {
    const { name, body } = comments.edit
    // By its id: the text it is found by is what the test changes.
    const id = await row(page, body).getAttribute('data-comment-id')
    const ed = page.locator(`.moderation__row[data-comment-id="${id}"]`)
    await ed.getByRole('button', { name: `Quick edit the comment by ${name}` }).click()
    const box = ed.getByRole('textbox', { name: `Text of the comment by ${name}` })
    await expect(box).toHaveValue(body)
    await box.fill('x'.repeat(5001))
    await ed.getByRole('button', { name: 'Save' }).click()
    await expect(ed.getByRole('alert')).toContainText('Your comment can be at most 5,000 characters long.')

    const fixed = body.replace('teh', 'the')
    await box.fill(fixed)
    await ed.getByRole('button', { name: 'Save' }).click()
    await expect(outcome(page)).toContainText(`The comment by ${name} was saved.`)
    await expect(ed.locator('.moderation__body')).toHaveText(fixed)
    const stored = await request.get(`/api/comments?where[body][equals]=${encodeURIComponent(fixed)}&depth=0`, { headers: moderator })
    expect((await stored.json()).totalDocs).toBe(1)
  })

  test('search: by name, then by email, in the same tab; the tabs keep the search', async ({ page }) => {
    const search = page.getByRole('search', { name: 'Search comments' })
    await search.getByLabel('Name').fill(comments.search.name)
    await search.getByRole('button', { name: 'Search' }).click()
    await expect(page).toHaveURL(/author=Searchable/)
    await expect(page.locator('.moderation__row')).toHaveCount(1)
    await expect(row(page, comments.search.body)).toBeVisible()
    await expect(tab(page, 'Pending')).toContainText('1')
    await expect(tab(page, 'Approved')).toHaveAttribute('href', /author=Searchable/)
    await expect(page.getByText(/Days and times are in the newsroom’s time zone, UTC\./)).toBeVisible()

    await page.getByRole('link', { name: 'Clear search' }).click()
    await expect(page).not.toHaveURL(/author=/)
    await expect(page.locator('.moderation__row').nth(1)).toBeVisible()
    await page.getByRole('search', { name: 'Search comments' }).getByLabel('Email').fill(searchEmail)
    await page.getByRole('search', { name: 'Search comments' }).getByLabel('Email').press('Enter')
    await expect(page).toHaveURL(/email=/)
    await expect(page.locator('.moderation__row')).toHaveCount(1)
    await expect(row(page, comments.search.body)).toBeVisible()
  })

  test('a moderator cannot destroy: no Empty Spam or Delete forever, and the server refuses them', async ({ page, request }) => {
    await tab(page, 'Spam').click()
    await expect(page).toHaveURL(/status=spam/)
    await expect(page.locator('.moderation__row').first()).toBeVisible()
    await expect(page.getByRole('button', { name: /Empty Spam|forever/ })).toHaveCount(0)
    const refused = await request.delete('/api/comments?where[status][equals]=spam', { headers: moderator })
    expect(refused.status()).toBe(403)
  })

  test('an admin empties Spam, after confirming', async ({ browser, request }) => {
    const body = `Spam to purge ${tag()}`
    const posted = await request.post('/api/comments', {
      headers: readerHeaders(),
      data: { article: article.id, authorName: 'Purge', authorEmail: `purge-${tag()}@example.net`, body, phone: '555-0100' },
    })
    expect((await posted.json()).doc.status).toBe('spam')
    const context = await browser.newContext()
    const page = await context.newPage()
    await submitAdminLogin(page, 'admin')
    await expect(page).toHaveURL(/\/admin$/)
    await page.goto('/admin/moderation?status=spam')
    await expect(row(page, body)).toBeVisible()
    await expect(row(page, body).getByRole('button', { name: 'Delete the comment by Purge forever' })).toBeVisible()

    // Dismissed first: nothing happens.
    page.once('dialog', (dialog) => void dialog.dismiss())
    await page.getByRole('button', { name: 'Empty Spam' }).click()
    await expect(row(page, body)).toBeVisible()

    const spamBefore = Number((await request.get('/api/comments?where[status][equals]=spam&limit=1&depth=0', { headers: admin }).then((r) => r.json())).totalDocs)
    let question = ''
    page.once('dialog', (dialog) => {
      question = dialog.message()
      void dialog.accept()
    })
    await page.getByRole('button', { name: 'Empty Spam' }).click()
    await expect(outcome(page)).toContainText(`Spam is empty: ${spamBefore} ${spamBefore === 1 ? 'comment was' : 'comments were'} deleted forever.`)
    expect(question).toContain('forever? This cannot be undone.')
    await expect(page.getByText('No comments in Spam.')).toBeVisible()
    const spamAfter = await request.get('/api/comments?where[status][equals]=spam&limit=1&depth=0', { headers: admin })
    expect((await spamAfter.json()).totalDocs).toBe(0)
    await context.close()
  })
})
