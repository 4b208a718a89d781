import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test } from '@playwright/test'

import { authHeaders, waitForFormReady } from './seededAccounts'

/** Articles in the admin specs: made over REST, opened in the editor, deleted once a describe block is done. */

type Headers = Record<string, string>

/** The demo seed's Television category, which these specs file their articles under. */
export async function televisionId(request: APIRequestContext, headers: Headers): Promise<string> {
  const response = await request.get('/api/categories?where[slug][equals]=television&limit=1&depth=0', { headers })
  return (await response.json()).docs[0].id
}

/** Makes a draft as autosave stores one (`?draft=true`, so a draft's lighter validation applies) and returns its ID. */
export async function createDraft({ request, headers, data }: { request: APIRequestContext; headers: Headers; data: Record<string, unknown> }): Promise<string> {
  const made = await request.post('/api/articles?draft=true', { headers, data: { ...data, _status: 'draft' } })
  expect(made.status(), await made.text()).toBe(201)
  return (await made.json()).doc.id as string
}

/** The IDs of the articles a describe block makes: registers deleting them, as the editor, after its last test. */
export function articlesDeletedAfterAll(): string[] {
  const created: string[] = []
  test.afterAll(async ({ request }) => {
    const headers = await authHeaders(request, 'editor')
    for (const id of created) await request.delete(`/api/articles/${id}`, { headers })
  })
  return created
}

/** Takes over the edit lock whenever Payload says the document is locked: it keeps a lock for a while after its holder leaves. */
export async function takeOverEditLocks(page: Page) {
  await page.addLocatorHandler(page.getByRole('dialog', { name: 'document-locked' }), () => page.getByRole('button', { name: 'Take over' }).click())
}

/**
 * Opens the article in the editor and waits for its review group to show `state`. Payload renders a
 * group's fields once the group scrolls into view, and taking over the edit lock re-renders the
 * form: scroll again until the state shows.
 */
export async function openAtReviewState(page: Page, { id, state }: { id: string; state: string }) {
  await page.goto(`/admin/collections/articles/${id}`)
  await waitForFormReady(page)
  await expect(async () => {
    await page.locator('#field-review').scrollIntoViewIfNeeded({ timeout: 2_000 })
    await expect(page.locator(`[data-review-state="${state}"]`)).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
}
