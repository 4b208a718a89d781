import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test } from '@playwright/test'

import { authHeaders, submitAdminLogin, waitForFormReady } from '../helpers/seededAccounts'

/**
 * No stray drafts (#11, item 3): "Create New" makes nothing until someone types; the writer's first
 * pause makes one draft, in place, so nothing typed while it is being made is lost, and autosave
 * keeps that draft from then on (src/admin/createNew).
 */

/** Autosave's pause in both collections (collections/Articles, collections/Pages). */
const AUTOSAVE_INTERVAL_MS = 2000

const CASES = [
  { collection: 'articles', role: 'writer' },
  { collection: 'articles', role: 'contributor' },
  { collection: 'pages', role: 'editor' },
] as const

type Stored = { title: string; _status: string; content?: unknown }

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

/** The document's address once the first input has made it. */
async function createdId(page: Page, collection: string): Promise<string> {
  await expect(page).toHaveURL(new RegExp(`/admin/collections/${collection}/(?!create(?:$|\\?))[^/?]+(?:\\?.*)?$`))
  return new URL(page.url()).pathname.split('/').pop() as string
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
    test.describe(`${collection} as a ${role}`, () => {
      test('opening Create New and leaving without typing makes nothing', async ({ page, request }) => {
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

      test('typing a title saves one draft at the pause, which autosave keeps', async ({ page, request }) => {
        const before = await countAll(request, collection)
        const title = `First words ${Date.now().toString(36)}`
        await logInAs(page, role)
        await page.goto(`/admin/collections/${collection}/create`)
        await waitForFormReady(page)
        await page.getByLabel('Title').click()
        await page.keyboard.type(title)
        const id = await createdId(page, collection)
        created.push({ collection, id })

        const headers = await authHeaders(request, 'admin')
        const stored = async () => (await (await request.get(`/api/${collection}/${id}?draft=true&depth=0`, { headers })).json()) as Stored
        await expect.poll(async () => (await stored()).title).toBe(title)
        expect((await stored())._status).toBe('draft')
        expect(await countAll(request, collection, `&where[title][equals]=${encodeURIComponent(title)}`)).toBe(1)
        expect(await countAll(request, collection)).toBe(before + 1)

        // The same form, never replaced, still has the focus: autosave updates that draft, no other.
        await expect(page.getByLabel('Title')).toBeFocused()
        await page.keyboard.type(' continued')
        await expect.poll(async () => (await stored()).title).toBe(`${title} continued`)
        expect(await countAll(request, collection)).toBe(before + 1)
        // Its history has the first save and the autosave after it, as for a draft Payload made.
        const versions = await request.get(`/api/${collection}/versions?depth=0&limit=10&where[parent][equals]=${id}`, { headers })
        expect(versions.status()).toBe(200)
        expect((await versions.json()).totalDocs).toBeGreaterThanOrEqual(2)
      })

      test('Save draft, the main action and Ctrl+S wait for the first save, and make no second document', async ({ page, request }) => {
        const title = `Only once ${Date.now().toString(36)}`
        await logInAs(page, role)
        await page.goto(`/admin/collections/${collection}/create`)
        await waitForFormReady(page)

        // Every create the browser sends. The first save is held in the browser until the clicks
        // below are made (the server is the real one), so they land while it is on its way.
        const creates: string[] = []
        const isCreate = (url: URL) => url.pathname === `/api/${collection}`
        page.on('request', (sent) => {
          if (sent.method() === 'POST' && isCreate(new URL(sent.url()))) creates.push(sent.url())
        })
        let release = () => {}
        const held = new Promise<void>((resolve) => (release = resolve))
        await page.route(isCreate, async (route) => {
          if (route.request().method() === 'POST') await held
          await route.continue()
        })

        await page.getByLabel('Title').click()
        await page.keyboard.type(title)
        await expect.poll(() => creates.length).toBe(1)
        const saveDraft = page.getByRole('button', { name: /^save draft$/i })
        const mainAction = page.getByRole('button', { name: role === 'contributor' ? 'Submit for review' : 'Publish changes' })
        await expect(saveDraft).toBeDisabled()
        await expect(mainAction).toBeDisabled()
        // Clicked anyway (a disabled button takes no click), and the save key pressed.
        await saveDraft.click({ force: true })
        await mainAction.click({ force: true })
        await page.keyboard.press('ControlOrMeta+S')
        release()

        const id = await createdId(page, collection)
        created.push({ collection, id })
        await expect(saveDraft).toBeEnabled()
        expect(creates).toHaveLength(1)
        expect(await countAll(request, collection, `&where[title][equals]=${encodeURIComponent(title)}`)).toBe(1)
      })

      test('typing straight through the first save loses nothing', async ({ page, request }) => {
        const before = await countAll(request, collection)
        const stamp = Date.now().toString(36)
        const title = `Straight through ${stamp}`
        const paragraphs = [`The first paragraph, typed at once ${stamp}.`, `And a second one ${stamp}.`]
        await logInAs(page, role)
        await page.goto(`/admin/collections/${collection}/create`)
        await waitForFormReady(page)

        // The title, then the writer's pause, which makes the draft: the body is typed the moment
        // that first save leaves, while it is made and the form moves to the new document.
        await page.getByLabel('Title').click()
        const firstSave = page.waitForRequest((sent) => sent.method() === 'POST' && new URL(sent.url()).pathname === `/api/${collection}`)
        await page.keyboard.type(title)
        await firstSave
        await page.locator('[data-lexical-editor="true"]').click()
        await page.keyboard.type(paragraphs[0])
        await page.keyboard.press('Enter')
        await page.keyboard.type(paragraphs[1])

        const id = await createdId(page, collection)
        created.push({ collection, id })
        const headers = await authHeaders(request, 'admin')
        const stored = async () => (await (await request.get(`/api/${collection}/${id}?draft=true&depth=0`, { headers })).json()) as Stored
        // Autosave stores it all after the writer's pause.
        await expect.poll(async () => (await stored()).title).toBe(title)
        await expect.poll(async () => JSON.stringify((await stored()).content ?? '')).toContain(paragraphs[1])
        expect(JSON.stringify((await stored()).content)).toContain(paragraphs[0])

        // And it is all there in the editor after a reload.
        await page.reload()
        await waitForFormReady(page)
        await expect(page.getByLabel('Title')).toHaveValue(title)
        const body = page.locator('[data-lexical-editor="true"]')
        await expect(body.locator('p').nth(0)).toHaveText(paragraphs[0])
        await expect(body.locator('p').nth(1)).toHaveText(paragraphs[1])
        expect(await countAll(request, collection)).toBe(before + 1)
      })
    })
  }
})
