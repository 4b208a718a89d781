import { expect, test } from '@playwright/test'
import path from 'node:path'

import { submitAdminLogin } from '../helpers/seededAccounts'

/**
 * Moving a WordPress site across from the admin: an admin opens the import screen from the
 * navigation, uploads the export, follows the import to its report, and opens an imported article
 * on the reader site, with its approved comments and without the held ones.
 */

const EXPORT = path.resolve(import.meta.dirname, '../fixtures/wordpress/newsroom.xml')

test.describe('Import from WordPress', () => {
  test('an admin imports an export from the admin screen and opens an imported article', async ({ page }) => {
    test.setTimeout(120_000)
    await submitAdminLogin(page, 'admin')
    await expect(page).toHaveURL(/\/admin$/)
    // The navigation names the screen (Payload may have it folded away for this account: the link is then inert).
    await expect(page.locator('#nav-wordpress-import')).toHaveAttribute('href', '/admin/import/wordpress')
    await page.goto('/admin/import/wordpress')
    await expect(page.getByRole('heading', { level: 1, name: 'Import from WordPress' })).toBeVisible()

    await page.getByLabel('WordPress export file (.xml)').setInputFiles(EXPORT)
    await page.getByRole('button', { name: 'Import' }).click()
    // Images are fetched from the old site, which does not exist: they are reported, not failures.
    await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 90_000 })
    const articles = page.getByRole('row', { name: /^articles/ })
    await expect(articles.getByRole('cell').first()).toHaveText('5')
    await expect(page.getByText(/^Skipped \(\d+\)$/)).toBeVisible()

    await page.goto('/harbour-news/ferry-timetable')
    await expect(page.getByRole('heading', { level: 1, name: 'Ferry timetable changes for the spring' })).toBeVisible()
    await expect(page.getByText('Replying to Ann: yes.')).toBeVisible()
    await expect(page.getByText('Awaiting moderation: a held comment.')).toHaveCount(0)
    await expect(page.getByText('Buy now')).toHaveCount(0)

    // The old addresses answer: a WordPress permalink and a ?p= link, and the page tree.
    for (const old of ['/2024/03/ferry-timetable/', '/?p=101']) {
      const response = await page.request.get(old, { maxRedirects: 0 })
      expect(response.status(), old).toBe(301)
      expect(new URL(response.headers().location ?? '', 'http://site.invalid').pathname).toBe('/harbour-news/ferry-timetable')
    }
    // The demo newsroom has an About page of its own, so the imported one is /about-2 (a slug collision, reported).
    await page.goto('/?page_id=202')
    await expect(page).toHaveURL(/\/about-2\/contact$/)
    await expect(page.getByText('Write to the newsroom.')).toBeVisible()
  })

  test('the screen and its API are for admins only', async ({ page, request }) => {
    await submitAdminLogin(page, 'editor')
    await expect(page).toHaveURL(/\/admin$/)
    await expect(page.locator('#nav-wordpress-import')).toHaveCount(0)
    await page.goto('/admin/import/wordpress')
    await expect(page.getByText('Only administrators can import a WordPress site.')).toBeVisible()
    const refused = await request.post('/api/import-sources/wordpress', { data: '<rss/>', headers: { 'content-type': 'application/xml' } })
    expect(refused.status()).toBe(403)
  })
})
