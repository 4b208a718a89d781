import { expect, test } from '@playwright/test'

/**
 * The build holds no content (issue #7). scripts/e2e.sh builds against a copy of the served
 * database in which the newest published article has a title of its own (E2E_BUILD_ONLY_TITLE).
 * Whatever Next prerendered at build (the home page, the feeds, the sitemap) shows that title;
 * no reader may ever see it: every page is rendered from the database being served.
 */

const BUILD_ONLY_TITLE = process.env.E2E_BUILD_ONLY_TITLE ?? ''

test.describe('The build holds no content', () => {
  test('no page, feed or sitemap shows what only the build database had', async ({ request }) => {
    expect(BUILD_ONLY_TITLE, 'run through scripts/e2e.sh, which sets E2E_BUILD_ONLY_TITLE').toMatch(/^Only in the build database [0-9a-f]{8}$/)

    const response = await request.get('/api/articles?where[_status][equals]=published&sort=-publishedAt&limit=1&depth=1')
    expect(response.status()).toBe(200)
    const { docs } = (await response.json()) as { docs: { title: string; slug: string; category: { slug: string } }[] }
    const [newest] = docs
    expect(newest, 'the served database has published articles').toBeDefined()
    if (!newest) return
    expect(newest.title).not.toBe(BUILD_ONLY_TITLE)

    const paths = ['/', '/feed.xml', '/sitemap.xml', `/${newest.category.slug}`, `/${newest.category.slug}/feed.xml`, `/${newest.category.slug}/${newest.slug}`]
    // Twice: the first request may render, the second may come from a cache; neither may show it.
    for (const round of [1, 2]) {
      for (const path of paths) {
        const page = await request.get(path, { headers: { cookie: '' } })
        expect(page.status(), `${path} (round ${round})`).toBe(200)
        const body = await page.text()
        expect(body, `${path} (round ${round})`).not.toContain(BUILD_ONLY_TITLE)
      }
    }
  })
})
