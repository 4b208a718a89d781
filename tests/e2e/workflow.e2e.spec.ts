import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test } from '@playwright/test'

import { articlesDeletedAfterAll, createDraft, openAtReviewState, takeOverEditLocks, televisionId } from '../helpers/e2eArticles'
import { authHeaders, logInAs, waitForFormReady } from '../helpers/seededAccounts'

/**
 * Issue #5's workflow in Chromium, with the demo newsroom's accounts: a contributor writes a
 * draft and submits it for review, an editor publishes it, and live preview beside the editor
 * shows the draft in the real article page.
 */

type SavedArticle = { id: string; title: string; slug: string; _status: 'draft' | 'published'; review: { state: string } }

/**
 * The newest version (draft or published) of an article, as an editor reads it over REST. On the
 * test's own request context: logging in through a page's would sign that page in as the editor.
 */
async function stored(request: APIRequestContext, id: string): Promise<SavedArticle> {
  const response = await request.get(`/api/articles/${id}?draft=true&depth=0`, { headers: await authHeaders(request, 'editor') })
  expect(response.status()).toBe(200)
  return response.json()
}

/** "Create New": the title makes the draft, and the address becomes its own (src/admin/createNew). */
async function newDraft(page: Page, title: string): Promise<string> {
  await page.goto('/admin/collections/articles/create')
  await waitForFormReady(page)
  await page.getByLabel('Title').fill(title)
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create)[^/?]+/)
  await page.locator('#field-category').getByRole('combobox').click()
  await page.getByRole('option', { name: 'Television', exact: true }).click()
  return new URL(page.url()).pathname.split('/').pop() ?? ''
}

test.describe('Editorial workflow', () => {
  const created = articlesDeletedAfterAll()

  test('live preview shows the draft’s title in the real article page', async ({ browser, request }) => {
    const stamp = Date.now().toString(36)
    const title = `Preview headline ${stamp}`
    // The draft is made through REST (the admin's Create New is the first test's): this test is
    // about what live preview shows.
    const headers = await authHeaders(request, 'editor')
    const id = await createDraft({ request, headers, data: { title, category: await televisionId(request, headers) } })
    created.push(id)
    await expect.poll(async () => (await stored(request, id)).slug).toBe(`preview-headline-${stamp}`)
    const editor = await logInAs(browser, 'editor')
    await editor.goto(`/admin/collections/articles/${id}`)
    await waitForFormReady(editor)

    // Payload remembers per user whether live preview is open (an earlier spec may have left it
    // open), and the button toggles it: open it only when it is not.
    const iframe = editor.locator('#live-preview-iframe')
    await expect(async () => {
      if (!(await iframe.isVisible())) await editor.getByRole('button', { name: 'Live Preview' }).click()
      await expect(iframe).toBeVisible({ timeout: 3_000 })
    }).toPass({ timeout: 20_000 })
    const preview = editor.frameLocator('#live-preview-iframe')
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(preview.locator('.preview-banner')).toContainText('Preview of an unpublished draft')

    // Readers get nothing at that address: the article is not published.
    const anonymous = await browser.newContext()
    const response = await anonymous.request.get(`/television/preview-headline-${stamp}`)
    expect(response.status()).toBe(404)
    await anonymous.close()
  })

  test('a contributor submits a draft for review and an editor publishes it', async ({ browser, request }) => {
    // Two accounts, each opening the editor and the dashboard: more than one page's worth of work.
    test.slow()
    const stamp = Date.now().toString(36)
    const title = `Filming diary ${stamp}`

    const contributor = await logInAs(browser, 'contributor')
    const id = await newDraft(contributor, title)
    created.push(id)
    // The draft is under the contributor's byline from the start, and they cannot publish it.
    await expect(contributor.locator('#field-authors')).toContainText('Tomás Vidal')
    await expect(contributor.getByRole('button', { name: /^Publish/ })).toHaveCount(0)
    await contributor.getByRole('button', { name: 'Submit for review' }).click()
    await expect(contributor.getByRole('button', { name: 'Submitted for review' })).toBeDisabled()
    await expect.poll(async () => (await stored(request, id)).review.state).toBe('submitted')
    expect((await stored(request, id)).title).toBe(title)
    // Leaving the document releases Payload's edit lock; the dashboard lists the draft as submitted.
    await contributor.goto('/admin')
    await expect(contributor.getByRole('region', { name: 'My drafts' }).getByRole('listitem').filter({ hasText: title })).toContainText('Submitted for review')
    await contributor.context().close()

    const editor = await logInAs(browser, 'editor')
    // Payload keeps the contributor's edit lock for a while after they leave; the editor takes over.
    await takeOverEditLocks(editor)
    await editor.goto('/admin')
    await expect(editor.getByRole('region', { name: 'Awaiting review' }).getByRole('link', { name: title })).toBeVisible()
    await openAtReviewState(editor, { id, state: 'submitted' })
    await expect(editor.locator('#field-review__submittedBy')).toContainText('Tomás Vidal')
    await editor.getByRole('button', { name: 'Publish changes' }).click()
    await expect(editor.getByTitle('Status: Published')).toBeVisible()

    const published = await stored(request, id)
    expect(published._status).toBe('published')
    expect(published.review.state).toBe('none')
    const page = await editor.request.get(`/television/${published.slug}`)
    expect(page.status()).toBe(200)
    expect(await page.text()).toContain(title)
  })
})
