import type { APIRequestContext } from '@playwright/test'

import { expect, test } from '@playwright/test'

import { createDraft, televisionId } from '../helpers/e2eArticles'
import { authHeaders, logInAs } from '../helpers/seededAccounts'

/**
 * Issue #11 in Chromium: the versions list and compare view say who saved each version (and the
 * search text stays out of the diff); an empty draft shows on the Empty drafts screen, which
 * deletes it.
 */

async function nameOf(request: APIRequestContext, headers: Record<string, string>): Promise<string> {
  const response = await request.get('/api/users/me', { headers })
  return (await response.json()).user.name
}

test.describe('History', () => {
  const created: { collection: string; id: string }[] = []

  test.afterAll(async ({ request }) => {
    const headers = await authHeaders(request, 'editor')
    // A page left open may still hold a document's lock: the cleanup overrides it and must succeed.
    for (const { collection, id } of created) expect([200, 404]).toContain((await request.delete(`/api/${collection}/${id}?overrideLock=true`, { headers })).status())
  })

  test('the versions list and the compare view name who saved each version', async ({ browser, request }) => {
    const writerHeaders = await authHeaders(request, 'writer')
    const editorHeaders = await authHeaders(request, 'editor')
    const id = await createDraft({
      request,
      headers: writerHeaders,
      data: { title: `Whose words ${Date.now().toString(36)}`, excerpt: 'As filed.', category: await televisionId(request, writerHeaders) },
    })
    created.push({ collection: 'articles', id })
    const edited = await request.patch(`/api/articles/${id}?draft=true`, { headers: editorHeaders, data: { excerpt: 'As the desk sharpened it.' } })
    expect(edited.status()).toBe(200)
    const [writer, editor] = [await nameOf(request, writerHeaders), await nameOf(request, editorHeaders)]

    const page = await logInAs(browser, 'editor')
    await page.goto(`/admin/collections/articles/${id}/versions`)
    await expect(page.getByRole('columnheader', { name: 'Saved by' })).toBeVisible()
    // Newest first: the editor's edit, then the writer's draft.
    await expect(page.getByTestId('version-saved-by')).toHaveText([editor, writer])

    await page.locator('tbody tr').first().getByRole('link').click()
    await expect(page).toHaveURL(new RegExp(`/articles/${id}/versions/[^/]+`))
    await expect(page.getByTestId('version-editor-diff')).toContainText(`${writer} → ${editor}`)
    // The excerpt's change shows; the search text that repeats it does not.
    await expect(page.getByText('As the desk sharpened it.').first()).toBeVisible()
    await expect(page.locator('[data-field-path="searchText"] *')).toHaveCount(0)
    await expect(page.getByText('Search Text', { exact: true })).toHaveCount(0)
  })

  test('a draft nobody wrote in shows on the Empty drafts screen and goes with one click', async ({ browser, request }) => {
    // "Create New" no longer leaves one (src/admin/createNew), but the API, an import or a form
    // emptied again still can: an empty draft, as Payload's create view used to make it.
    const headers = await authHeaders(request, 'editor')
    const made = await request.post('/api/articles?draft=true&depth=0', { headers, data: { _status: 'draft' } })
    expect(made.status(), await made.text()).toBe(201)
    const id = String((await made.json()).doc.id)
    created.push({ collection: 'articles', id })
    const page = await logInAs(browser, 'editor')

    await page.goto('/admin/empty-drafts?olderThanMinutes=0')
    await expect(page.getByRole('heading', { name: 'Empty drafts' })).toBeVisible()
    const row = page.locator(`[data-testid="empty-draft-row"][data-id="${id}"]`)
    await expect(row).toBeVisible()
    // Only this one: other drafts on the server are not this test's to delete.
    await page.getByRole('checkbox', { name: 'Choose all empty drafts' }).uncheck()
    await row.getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Delete 1 empty draft' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Deleted 1 empty draft.' })).toBeVisible()
    await expect(row).toHaveCount(0)

    const gone = await request.get(`/api/articles/${id}?draft=true`, { headers: await authHeaders(request, 'editor') })
    expect(gone.status()).toBe(404)
  })
})
