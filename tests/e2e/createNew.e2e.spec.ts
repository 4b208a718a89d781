import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test } from '@playwright/test'

import { authHeaders, submitAdminLogin, waitForFirstSave, waitForFormReady } from './seededAccounts'

/**
 * No stray drafts (#11, item 3): "Create New" makes nothing until someone types, and what they
 * type is saved as one draft that autosave then keeps up to date (src/admin/createNew).
 */

/** Autosave's pause in both collections (collections/Articles, collections/Pages). */
const AUTOSAVE_INTERVAL_MS = 2000

const CASES = [
  { collection: 'articles', role: 'writer' },
  { collection: 'pages', role: 'editor' },
] as const

async function logInAs(page: Page, role: string) {
  await submitAdminLogin(page, role)
  await expect(page).toHaveURL(/\/admin$/)
}

/** Every document in the collection, drafts included, as the admin counts them. */
async function countAll(request: APIRequestContext, collection: string, where = ''): Promise<number> {
  const response = await request.get(`/api/${collection}?limit=1&depth=0&draft=true${where}`, { headers: await authHeaders(request, 'admin') })
  expect(response.status()).toBe(200)
  return (await response.json()).totalDocs
}

test.describe('Create New (#11)', () => {
  const created: { collection: string; id: string }[] = []

  test.afterEach(async ({ page, request }) => {
    // Leave the editor first, so the page stops renewing its lock on a document about to go.
    await page.goto('about:blank')
    const headers = await authHeaders(request, 'admin')
    // A page left open may still hold the document's lock: the cleanup overrides it and must succeed.
    for (const { collection, id } of created.splice(0)) expect([200, 404]).toContain((await request.delete(`/api/${collection}/${id}?overrideLock=true`, { headers })).status())
  })

  for (const { collection, role } of CASES) {
    test(`opening Create New for ${collection} and leaving without typing makes nothing`, async ({ page, request }) => {
      const before = await countAll(request, collection)
      await logInAs(page, role)
      await page.goto(`/admin/collections/${collection}/create`)
      await waitForFormReady(page)
      await page.getByLabel('Title').click()
      // Longer than autosave's pause: nothing is saved however long the empty form stays open.
      await page.waitForTimeout(AUTOSAVE_INTERVAL_MS + 1500)
      await expect(page).toHaveURL(new RegExp(`/admin/collections/${collection}/create$`))
      await page.goto(`/admin/collections/${collection}`)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      expect(await countAll(request, collection)).toBe(before)
    })

    test(`typing a title in a new ${collection.slice(0, -1)} saves one draft, which autosave keeps`, async ({ page, request }) => {
      const before = await countAll(request, collection)
      const title = `First words ${Date.now().toString(36)}`
      await logInAs(page, role)
      await page.goto(`/admin/collections/${collection}/create`)
      await waitForFormReady(page)
      await page.getByLabel('Title').click()
      await page.keyboard.type(title)
      const id = await waitForFirstSave(page, collection)
      created.push({ collection, id })

      const byTitle = `&where[title][equals]=${encodeURIComponent(title)}`
      expect(await countAll(request, collection, byTitle)).toBe(1)
      expect(await countAll(request, collection)).toBe(before + 1)
      const headers = await authHeaders(request, 'admin')
      const stored = async () => (await (await request.get(`/api/${collection}/${id}?draft=true&depth=0`, { headers })).json()) as { title: string; _status: string }
      expect(await stored()).toMatchObject({ title, _status: 'draft' })

      // The writer goes on typing in the document's own page, where the title has the focus again:
      // autosave updates that draft, no other.
      await expect(page.getByLabel('Title')).toBeFocused()
      await page.keyboard.type(' continued')
      await expect.poll(async () => (await stored()).title).toBe(`${title} continued`)
      expect(await countAll(request, collection)).toBe(before + 1)
    })
  }
})
