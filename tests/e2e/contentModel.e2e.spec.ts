import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { authHeaders } from '../helpers/seededAccounts'

const REFERENCE_PATH = '/entertainment/everything-we-know-about-heartstopper-season-2'

test.describe('Tags, pages and redirects (#8)', () => {
  test('an article’s old address 301s to its new one after an editor renames its slug', async ({ request }) => {
    const headers = await authHeaders(request, 'editor')
    const lookup = async (path: string) => (await (await request.get(path, { headers })).json()).docs[0].id as string
    const [category, author] = await Promise.all([lookup('/api/categories?where[slug][equals]=culture'), lookup('/api/authors?limit=1')])
    const oldSlug = `moving-story-${Date.now()}`
    const created = await request.post('/api/articles', {
      headers,
      data: { title: 'A story that moves', slug: oldSlug, category, authors: [author], _status: 'published' },
    })
    expect(created.status()).toBe(201)
    const { doc } = await created.json()
    const newSlug = `${oldSlug}-renamed`
    try {
      expect((await request.get(`/culture/${oldSlug}`)).status()).toBe(200)
      expect((await request.patch(`/api/articles/${doc.id}`, { headers, data: { slug: newSlug } })).status()).toBe(200)
      const moved = await request.get(`/culture/${oldSlug}/`, { maxRedirects: 0 })
      expect(moved.status()).toBe(301)
      expect(moved.headers().location).toBe(`/culture/${newSlug}`)
      const followed = await request.get(`/culture/${oldSlug}`)
      expect(followed.url()).toMatch(new RegExp(`/culture/${newSlug}$`))
      expect(await followed.text()).toContain('A story that moves')
    } finally {
      const redirects = await (await request.get(`/api/redirects?where[from][equals]=/culture/${oldSlug}`, { headers })).json()
      for (const redirect of redirects.docs) await request.delete(`/api/redirects/${redirect.id}`, { headers })
      await request.delete(`/api/articles/${doc.id}`, { headers })
    }
  })

  test('a WordPress ?p= link redirects to the page an editor chose', async ({ request }) => {
    const headers = await authHeaders(request, 'editor')
    const id = String(Date.now())
    const created = await request.post('/api/redirects', { headers, data: { from: `/?p=${id}`, to: { type: 'custom', url: REFERENCE_PATH } } })
    expect(created.status()).toBe(201)
    try {
      const answer = await request.get(`/?utm_source=old-feed&p=${id}`, { maxRedirects: 0 })
      expect(answer.status()).toBe(301)
      expect(answer.headers().location).toBe(REFERENCE_PATH)
      // Any other ?p= is not redirected: the home page answers.
      expect((await request.get(`/?p=${id}0`, { maxRedirects: 0 })).status()).toBe(200)
    } finally {
      await request.delete(`/api/redirects/${(await created.json()).doc.id}`, { headers })
    }
  })

  test('/tag/heartstopper lists the tagged articles, and the article links its tags', async ({ page }) => {
    await page.goto('/tag/heartstopper')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Heartstopper')
    await expect(page.locator('.article-list').getByRole('link', { name: /Everything We Know About Heartstopper Season 2/ }).first()).toBeVisible()
    await page.goto(REFERENCE_PATH)
    const tags = page.getByRole('navigation', { name: 'Tags' })
    await expect(tags.getByRole('link', { name: 'Heartstopper' })).toHaveAttribute('href', '/tag/heartstopper')
    const keywords = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text)).find((data) => data['@type'] === 'NewsArticle')?.keywords
    expect(keywords).toContain('Heartstopper')
  })

  test('an unknown tag is a 404', async ({ request }) => {
    expect((await request.get('/tag/no-such-tag-anywhere')).status()).toBe(404)
  })

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('the About page renders, with its breadcrumb', async ({ page }) => {
      const response = await page.goto('/about')
      expect(response?.status()).toBe(200)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Byline')
      await expect(page.locator('article')).toContainText('small independent newsroom')
      await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('About Byline')
    })
  })

  test('the sitemap lists the About page and the tag pages', async ({ request }) => {
    const xml = await (await request.get('/sitemap.xml')).text()
    expect(xml).toMatch(/<loc>[^<]*\/about<\/loc>/)
    expect(xml).toMatch(/<loc>[^<]*\/tag\/heartstopper<\/loc>/)
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of ['/tag/heartstopper', '/about']) {
      test(`axe finds no violations on ${path} (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme })
        await page.goto(path)
        const { violations } = await new AxeBuilder({ page }).analyze()
        expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
      })
    }
  }
})
