import type { APIRequestContext, Page } from '@playwright/test'

import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import Parser from 'rss-parser'

const REFERENCE_PATH = '/entertainment/everything-we-know-about-heartstopper-season-2'
const REFERENCE_TITLE = 'Everything We Know About Heartstopper Season 2 (Release date & more)'
const DRAFT = {
  slug: 'season-2-casting-rumours',
  title: 'Season 2 Casting: What We Can and Cannot Confirm',
  // One word each from the draft's title, excerpt and body: none may find it.
  queries: ['Cannot Confirm', 'rumours sorted', 'casting reports'],
}

type PublicDoc = { slug: string; category?: { slug: string } | null }

/** What an anonymous reader may see over REST: the same access rules the site's pages use. */
async function publicDocs(request: APIRequestContext, collection: string): Promise<PublicDoc[]> {
  const response = await request.get(`/api/${collection}?limit=100&depth=1`)
  expect(response.status()).toBe(200)
  const body = await response.json()
  expect(body.hasNextPage, `${collection}: more than one page; raise the limit`).toBe(false)
  return body.docs
}

async function publishedArticlePaths(request: APIRequestContext): Promise<string[]> {
  const articles = await publicDocs(request, 'articles')
  return articles.map((article) => `/${article.category?.slug}/${article.slug}`)
}

async function search(page: Page, query: string) {
  const response = await page.goto(`/search?q=${encodeURIComponent(query)}`)
  expect(response?.status()).toBe(200)
  return page.locator('main .article-card__title')
}

const rss = new Parser({ customFields: { item: ['category'] } })

async function fetchFeed(request: APIRequestContext, path: string) {
  const response = await request.get(path)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^application\/rss\+xml/)
  const xml = await response.text()
  expect(XMLValidator.validate(xml), 'well-formed XML').toBe(true)
  return { xml, feed: await rss.parseString(xml) }
}

test.describe('Discovery', () => {
  test.describe('search', () => {
    test('finds the reference article by words from its title', async ({ page }) => {
      await expect(await search(page, 'heartstopper season 2')).toContainText([REFERENCE_TITLE])
      await expect(page.locator('main .article-card__title mark').first()).toHaveText(/^(heartstopper|season|2)$/i)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results for “heartstopper season 2”')
    })

    test('finds the reference article by a word only its excerpt has', async ({ page }) => {
      await expect(await search(page, 'give')).toContainText([REFERENCE_TITLE])
    })

    test('finds an article by a phrase from its body text', async ({ page }) => {
      await expect(await search(page, 'See-Saw Films')).toHaveText([REFERENCE_TITLE])
    })

    test('finds words in any order and any case', async ({ page }) => {
      await expect(await search(page, 'RADICAL quietly')).toHaveText(['Heartstopper Season 1 Review: Gentle, Funny and Quietly Radical'])
    })

    test('says so when nothing matches', async ({ page }) => {
      await search(page, 'zebra crossing quasar')
      await expect(page.getByRole('status')).toContainText('No articles match “zebra crossing quasar”')
      await expect(page.locator('main .article-card')).toHaveCount(0)
    })

    test('prompts for words when the query is empty', async ({ page }) => {
      for (const path of ['/search', '/search?q=', '/search?q=%20%20']) {
        await page.goto(path)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search')
        await expect(page.locator('main')).toContainText('Type a word or two')
        await expect(page.locator('main .article-card')).toHaveCount(0)
      }
    })

    test('keeps result pages out of search engines', async ({ page }) => {
      await page.goto('/search?q=heartstopper')
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
    })

    test('never finds a draft', async ({ page }) => {
      for (const query of DRAFT.queries) {
        await search(page, query)
        await expect(page.locator('main')).not.toContainText(DRAFT.title)
        await expect(page.locator(`main a[href$="/${DRAFT.slug}"]`)).toHaveCount(0)
      }
    })

    test('works from the header form without JavaScript', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false })
      const page = await context.newPage()
      await page.goto('/')
      await page.getByRole('searchbox', { name: 'Search Byline' }).fill('See-Saw Films')
      await page.getByRole('search', { name: 'Search Byline' }).getByRole('button', { name: 'Search' }).click()
      await expect(page).toHaveURL(/\/search\?q=See-Saw\+Films$/)
      await expect(page.locator('main .article-card__title')).toHaveText([REFERENCE_TITLE])
      await expect(page.getByRole('searchbox', { name: 'Search articles' })).toHaveValue('See-Saw Films')
      // The words are marked in a stretch of the body, rendered by the server.
      await expect(page.locator('main .search-results__snippet mark').first()).toHaveText(/^(see|saw|films?)$/i)
      await context.close()
    })
  })

  test.describe('feeds', () => {
    test('the site feed is well-formed RSS 2.0 carrying the published articles', async ({ request, baseURL }) => {
      const { xml, feed } = await fetchFeed(request, '/feed.xml')
      expect(new XMLParser({ ignoreAttributes: false }).parse(xml).rss['@_version']).toBe('2.0')
      expect(feed.title).toBe('Byline')
      expect(feed.link).toBe(`${baseURL}/`)
      expect(feed.description).toBeTruthy()

      const published = await publishedArticlePaths(request)
      expect(feed.items.map((item) => new URL(item.link ?? '').pathname).sort()).toEqual([...published].sort())

      const reference = feed.items.find((item) => item.link === `${baseURL}${REFERENCE_PATH}`)
      // The title holds an ampersand: escaped in the XML, exact once parsed.
      expect(reference?.title).toBe(REFERENCE_TITLE)
      expect(xml).toContain('(Release date &amp; more)')
      expect(reference?.guid).toBe(`${baseURL}${REFERENCE_PATH}`)
      expect(reference?.creator).toBe('Ellis Marlowe')
      expect(reference?.categories).toEqual(['Entertainment'])
      expect(reference?.contentSnippet).toMatch(/^A second season has not been commissioned yet/)
      expect(Number.isNaN(Date.parse(reference?.pubDate ?? ''))).toBe(false)
    })

    test('a category feed carries only that category and its subcategories', async ({ request, baseURL }) => {
      const entertainment = (await fetchFeed(request, '/entertainment/feed.xml')).feed
      expect(entertainment.link).toBe(`${baseURL}/entertainment`)
      const categories = new Set(entertainment.items.flatMap((item) => item.categories ?? []))
      expect([...categories].sort()).toEqual(['Entertainment', 'Television'])

      const television = (await fetchFeed(request, '/television/feed.xml')).feed
      expect(television.items.length).toBeGreaterThan(0)
      expect(new Set(television.items.flatMap((item) => item.categories ?? []))).toEqual(new Set(['Television']))

      const published = await publishedArticlePaths(request)
      const inTelevision = published.filter((path) => path.startsWith('/television/'))
      expect(television.items.map((item) => new URL(item.link ?? '').pathname).sort()).toEqual(inTelevision.sort())
    })

    test('an unknown category has no feed', async ({ request }) => {
      expect((await request.get('/no-such-section/feed.xml')).status()).toBe(404)
    })

    test('no feed carries a draft', async ({ request }) => {
      for (const path of ['/feed.xml', '/television/feed.xml', '/entertainment/feed.xml']) {
        const { xml } = await fetchFeed(request, path)
        expect(xml, path).not.toContain(DRAFT.slug)
        expect(xml, path).not.toContain(DRAFT.title)
      }
    })

    test('every page advertises the site feed', async ({ page }) => {
      for (const path of ['/', REFERENCE_PATH, '/television', '/search?q=kent']) {
        await page.goto(path)
        await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]'), path).toHaveAttribute('href', '/feed.xml')
      }
    })
  })

  test.describe('sitemap and robots.txt', () => {
    test('the sitemap lists exactly the public pages: home, categories, published articles and pages, tags, authors and cast', async ({ request, baseURL }) => {
      const response = await request.get('/sitemap.xml')
      expect(response.status()).toBe(200)
      const xml = await response.text()
      expect(XMLValidator.validate(xml), 'well-formed XML').toBe(true)
      const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml)
      const locs: string[] = parsed.urlset.url.map((entry: { loc: string }) => entry.loc)
      for (const loc of locs) expect(loc.startsWith(`${baseURL}/`), loc).toBe(true)

      const [articles, categories, authors, cast, pages, tags] = await Promise.all([
        publishedArticlePaths(request),
        publicDocs(request, 'categories'),
        publicDocs(request, 'authors'),
        publicDocs(request, 'cast'),
        // Published pages only, as the public reads them; the demo's pages have no parent.
        publicDocs(request, 'pages'),
        publicDocs(request, 'tags'),
      ])
      const expected = [
        '/',
        ...categories.map((c) => `/${c.slug}`),
        ...articles,
        ...authors.map((a) => `/authors/${a.slug}`),
        ...cast.map((c) => `/cast/${c.slug}`),
        ...pages.map((p) => `/${p.slug}`),
        ...tags.map((t) => `/tag/${t.slug}`),
      ]
      expect(pages.length, 'the demo About page').toBeGreaterThan(0)
      const paths = locs.map((loc) => new URL(loc).pathname)
      expect(paths.length, 'no duplicates').toBe(new Set(paths).size)
      expect([...paths].sort()).toEqual(expected.sort())
      expect(paths).toContain(REFERENCE_PATH)
      expect(xml).not.toContain(DRAFT.slug)
    })

    test('robots.txt keeps crawlers out of the admin, the API and search, and points to the sitemap', async ({ request, baseURL }) => {
      const response = await request.get('/robots.txt')
      expect(response.status()).toBe(200)
      const text = await response.text()
      for (const path of ['/admin', '/api', '/search']) expect(text).toMatch(new RegExp(`^Disallow: ${path}$`, 'm'))
      expect(text).toMatch(new RegExp(`^Sitemap: ${baseURL}/sitemap.xml$`, 'm'))
    })
  })

  test.describe('accessibility', () => {
    const PAGES = [
      { name: 'home', path: '/' },
      { name: 'article', path: REFERENCE_PATH },
      { name: 'category', path: '/entertainment' },
      { name: 'author', path: '/authors/ellis-marlowe' },
      { name: 'cast', path: '/cast/joe-locke' },
      { name: 'search results', path: '/search?q=heartstopper' },
      { name: 'search, no results', path: '/search?q=zebra' },
      { name: '404', path: '/no-such-page' },
    ]

    for (const colorScheme of ['light', 'dark'] as const) {
      for (const { name, path } of PAGES) {
        test(`axe finds no violations on the ${name} page (${colorScheme})`, async ({ page }) => {
          await page.emulateMedia({ colorScheme })
          await page.goto(path)
          const { violations } = await new AxeBuilder({ page }).analyze()
          const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
          expect(summary).toEqual([])
        })
      }
    }

    test('the first Tab reaches the skip link, which moves focus to the main content', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      await page.keyboard.press('Tab')
      const skip = page.getByRole('link', { name: 'Skip to content' })
      await expect(skip).toBeFocused()
      await expect(skip).toBeInViewport()
      await page.keyboard.press('Enter')
      await expect(page.locator('main#main')).toBeFocused()
      // The next Tab continues inside main, not back in the header.
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true)
    })
  })
})
