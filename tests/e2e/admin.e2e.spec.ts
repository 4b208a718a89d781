import type { Page } from '@playwright/test'

import { expect, test } from '@playwright/test'
import path from 'node:path'

import { REFERENCE_SECTIONS, REFERENCE_SLUG } from '../helpers/referencePage'
import { submitAdminLogin, waitForFormReady } from '../helpers/seededAccounts'

/**
 * Payload marks its forms ready once mounted and not processing (its own e2e suite waits on the
 * same attribute). Typing into the server-rendered form earlier can be lost to hydration.
 */
async function logIn(page: Page) {
  await submitAdminLogin(page, 'admin')
  await expect(page).toHaveURL(/\/admin$/)
  await expect(page.getByRole('link', { name: 'Articles' }).first()).toBeVisible()
}

/**
 * REST calls with the page's session cookie. Payload accepts a session cookie only from an
 * allowed Origin (its CSRF check), so the calls carry the site's own, as the admin panel's do.
 */
function restAs(page: Page) {
  const { request } = page
  const headers = { Origin: new URL(page.url()).origin }
  return {
    /** The newest version (draft or published) of the one article with this slug. */
    articleBySlug: async (slug: string): Promise<SavedArticle> => {
      const response = await request.get('/api/articles', {
        headers,
        params: { 'where[slug][equals]': slug, depth: 0, draft: 'true' },
      })
      expect(response.status()).toBe(200)
      const { docs } = await response.json()
      expect(docs, `articles with the slug ${slug}`).toHaveLength(1)
      return docs[0]
    },
    deleteArticle: async (id: string) => {
      const response = await request.delete(`/api/articles/${id}`, { headers })
      expect(response.status()).toBe(200)
    },
  }
}

type LexicalNode = { type: string; tag?: string; text?: string; children?: LexicalNode[] }
type SavedArticle = { id: string; _status: 'draft' | 'published'; content: { root: LexicalNode } }

/** The text of every node of one type (and tag) in a Lexical document, in document order. */
function textsOf(node: LexicalNode, type: string, tag?: string): string[] {
  const children = node.children ?? []
  const here = node.type === type && (tag === undefined || node.tag === tag) ? [children.map((c) => c.text ?? '').join('')] : []
  return [...here, ...children.flatMap((child) => textsOf(child, type, tag))]
}

test.describe('Admin', () => {
  test('sends an anonymous visitor to the login page', async ({ page }) => {
    await page.goto('/admin')
    await expect(page).toHaveURL(/\/admin\/login/)
    await expect(page.getByRole('button', { name: 'Login' })).toBeVisible()
    await expect(page.getByLabel('Email')).toBeVisible()
  })

  test.describe('as the seeded admin', () => {
    test.beforeEach(async ({ page }) => {
      await logIn(page)
    })

    test('draws the staff avatar from initials and calls no other host', async ({ page }) => {
      const elsewhere: string[] = []
      const origin = new URL(page.url()).origin
      page.on('request', (request) => {
        if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) elsewhere.push(request.url())
      })
      for (const where of ['/admin', '/admin/collections/articles', '/admin/account']) {
        await page.goto(where)
        await expect(page.locator('.byline-avatar').first()).toHaveText('AA')
      }
      await expect(page.locator('img[src*="gravatar"]')).toHaveCount(0)
      expect(elsewhere).toEqual([])
    })

    test.describe('articles', () => {
      const created: string[] = []

      test.afterEach(async ({ page }) => {
        for (const id of created.splice(0)) await restAs(page).deleteArticle(id)
      })

      test('publishes a new article with a heading, a paragraph, a category and an author', async ({ page }) => {
        const stamp = Date.now().toString(36)
        const title = `Season three filming notes ${stamp}`
        const slug = `season-three-filming-notes-${stamp}`
        const heading = `What the crew told us ${stamp}`
        const paragraph = 'Filming moves back to the Kent coast in the spring.'

        await page.goto('/admin/collections/articles/create')
        await waitForFormReady(page)
        await page.getByLabel('Title').fill(title)
        // The document header follows the title field, which shows the form has taken the input.
        await expect(page.getByRole('heading', { name: title })).toBeVisible()
        // The first input made the draft, and the address is now its own (src/admin/createNew);
        // remembered first, so a failure below still deletes it and later specs see the demo's own front page.
        await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create$)[^/]+$/)
        created.push(path.posix.basename(new URL(page.url()).pathname))

        const editor = page.locator('[data-lexical-editor="true"]')
        await editor.click()
        // The slash menu filters as you type; a space would close it, so pick from "/heading".
        await page.keyboard.type('/heading')
        await page.getByRole('listbox', { name: 'Slash menu' }).getByRole('option', { name: 'Heading 2' }).click()
        await page.keyboard.type(heading)
        await page.keyboard.press('Enter')
        await page.keyboard.type(paragraph)
        await expect(editor.getByRole('heading', { level: 2 })).toHaveText(heading)
        await expect(editor.locator('p')).toHaveText(paragraph)

        // Relationship fields are react-select comboboxes inside the field's wrapper.
        await page.locator('#field-category').getByRole('combobox').click()
        await page.getByRole('option', { name: 'Television', exact: true }).click()
        await page.locator('#field-authors').getByRole('combobox').click()
        await page.getByRole('option', { name: 'Priya Ramanathan', exact: true }).click()
        await expect(page.locator('#field-category')).toContainText('Television')
        await expect(page.locator('#field-authors')).toContainText('Priya Ramanathan')

        await page.getByRole('button', { name: 'Publish changes' }).click()
        // Publishing updates it, and the toast says what happened (collections/Articles/hooks/announceReviewOutcome.ts).
        await expect(page.locator('[data-sonner-toast]').filter({ hasText: /^Published$/ })).toBeVisible()
        await expect(page.getByTitle('Status: Published')).toBeVisible()
        // The slug was left empty: the server makes it from the title and the form shows it.
        await expect(page.getByLabel('Slug')).toHaveValue(slug)

        const saved = await restAs(page).articleBySlug(slug)
        expect(saved._status).toBe('published')
        expect(textsOf(saved.content.root, 'heading', 'h2')).toEqual([heading])
        expect(textsOf(saved.content.root, 'paragraph')).toEqual([paragraph])

        await page.goto('/admin/collections/articles')
        await page.getByPlaceholder('Search by Title').fill(stamp)
        const row = page.getByRole('row').filter({ hasText: title })
        await expect(row).toHaveCount(1)
        await expect(row).toContainText('Published')
        await expect(row).toContainText('Priya Ramanathan')
        await expect(row).toContainText('Television')
      })
    })

    test('opens the reference article with its h2 headings in the editor', async ({ page }) => {
      const reference = await restAs(page).articleBySlug(REFERENCE_SLUG)

      await page.goto(`/admin/collections/articles/${reference.id}`)
      await expect(page.getByLabel('Slug')).toHaveValue(REFERENCE_SLUG)
      const editor = page.locator('[data-lexical-editor="true"]')
      await expect(editor.getByRole('heading', { level: 2 })).toHaveText(REFERENCE_SECTIONS)
    })
  })
})
