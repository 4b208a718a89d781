import type { APIRequestContext, Page } from '@playwright/test'

import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import sharp from 'sharp'

import { authHeaders, submitAdminLogin, waitForFormReady } from '../helpers/seededAccounts'

/**
 * Issue #11, item 15, in Chromium: the media library as a thumbnail grid with search, an image's
 * "Used in" on its edit page, and the notice when the same file is uploaded twice.
 */

/** A small PNG of one colour of its own, so that its bytes are this test's and nobody else's. */
const uniquePng = async () => {
  const n = Date.now() % 16_777_216
  const background = { r: n & 255, g: (n >> 8) & 255, b: (n >> 16) & 255 }
  return sharp({ create: { width: 96, height: 64, channels: 3, background } }).png().toBuffer()
}

async function uploadOverRest(request: APIRequestContext, headers: Record<string, string>, file: Buffer, alt: string) {
  const response = await request.post('/api/media', {
    headers,
    multipart: { file: { name: `${alt.replace(/\W+/g, '-')}.png`, mimeType: 'image/png', buffer: file }, _payload: JSON.stringify({ alt }) },
  })
  expect(response.status()).toBe(201)
  return (await response.json()).doc as { id: string; filename: string }
}

async function logIn(page: Page) {
  await submitAdminLogin(page, 'editor')
  await expect(page).toHaveURL(/\/admin$/)
}

test.describe('The media library', () => {
  const tag = `lib${Date.now().toString(36)}`
  let headers: Record<string, string>
  const cleanup: string[] = []

  test.beforeAll(async ({ request }) => {
    headers = await authHeaders(request, 'editor')
  })

  test.afterAll(async ({ request }) => {
    // A page left open may still hold a document's lock: the cleanup overrides it and must succeed.
    for (const path of cleanup.reverse()) expect([200, 404]).toContain((await request.delete(`${path}${path.includes('?') ? '&' : '?'}overrideLock=true`, { headers })).status())
  })

  test('shows thumbnails in a grid, each a labelled link to its edit page, and filters them by search', async ({ page, request }) => {
    const alt = `A grid test picture grid${tag}`
    const media = await uploadOverRest(request, headers, await uniquePng(), alt)
    cleanup.push(`/api/media/${media.id}`)
    await logIn(page)
    await page.goto('/admin/collections/media')
    const grid = page.getByRole('list', { name: 'Media library' })
    await expect(grid).toBeVisible()
    // Thumbnails, loaded, each carrying its alt text.
    const first = grid.getByRole('img').first()
    await expect(first).toHaveAttribute('alt', /\S/)
    await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)

    const { violations } = await new AxeBuilder({ page }).include('.media-grid').analyze()
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])

    await page.locator('#search-filter-input').fill(`grid${tag}`)
    await expect(grid.getByRole('listitem')).toHaveCount(1)
    const link = grid.getByRole('link', { name: new RegExp(alt) })
    await expect(link).toContainText(media.filename)
    // One tab stop per picture, opened from the keyboard.
    await link.focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`/admin/collections/media/${media.id}$`))
  })

  test('lists the articles that use an image on its edit page', async ({ page, request }) => {
    const media = await uploadOverRest(request, headers, await uniquePng(), `A hero picture ${tag}`)
    cleanup.push(`/api/media/${media.id}`)
    const lookup = async (path: string) => (await (await request.get(path, { headers })).json()).docs[0].id as string
    const [category, author] = await Promise.all([lookup('/api/categories?limit=1'), lookup('/api/authors?limit=1')])
    const title = `A story with a picture ${tag}`
    const created = await request.post('/api/articles?draft=true', { headers, data: { title, category, authors: [author], heroImage: media.id, _status: 'draft' } })
    expect(created.status()).toBe(201)
    const article = (await created.json()).doc as { id: string }
    cleanup.push(`/api/articles/${article.id}`)

    await logIn(page)
    await page.goto(`/admin/collections/media/${media.id}`)
    const usage = page.getByTestId('media-usage')
    await expect(usage.getByRole('heading', { name: 'Used in' })).toBeVisible()
    const use = usage.getByRole('link', { name: title })
    await expect(use).toHaveAttribute('href', `/admin/collections/articles/${article.id}`)
    await expect(usage).toContainText('Article, draft: hero')
  })

  test('warns when the same file is uploaded again, naming and linking the earlier upload', async ({ page, request }) => {
    const file = await uniquePng()
    const firstAlt = `The first upload ${tag}`
    const first = await uploadOverRest(request, headers, file, firstAlt)
    cleanup.push(`/api/media/${first.id}`)

    await logIn(page)
    await page.goto('/admin/collections/media/create')
    await waitForFormReady(page)
    await page.locator('input[type="file"]').setInputFiles({ name: `again-${tag}.png`, mimeType: 'image/png', buffer: file })
    // Warned as soon as the file is chosen, before anything is saved.
    const check = page.getByTestId('media-duplicate-check')
    await expect(check.getByRole('link', { name: `“${firstAlt}”` })).toHaveAttribute('href', `/admin/collections/media/${first.id}`)
    await page.locator('#field-alt').fill(`The same picture again ${tag}`)
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page).toHaveURL(/\/admin\/collections\/media\/[0-9a-f-]{36}$/)
    const secondId = page.url().split('/').pop() ?? ''
    cleanup.push(`/api/media/${secondId}`)

    const notice = page.getByTestId('media-duplicate')
    await expect(notice.getByRole('heading', { name: 'This file is already in the library' })).toBeVisible()
    await expect(notice.getByRole('link', { name: `“${firstAlt}”` })).toHaveAttribute('href', `/admin/collections/media/${first.id}`)
    // The first upload is the one to keep: its page points to no later copy.
    await notice.getByRole('link', { name: `“${firstAlt}”` }).click()
    await expect(page).toHaveURL(new RegExp(`/admin/collections/media/${first.id}$`))
    await expect(page.getByTestId('media-usage')).toBeVisible()
    await expect(page.getByTestId('media-duplicate')).toHaveCount(0)
  })
})
