import type { Page } from '@playwright/test'

import { expect, test } from '@playwright/test'

import { REFERENCE_SECTIONS } from '../helpers/referencePage'
import { authHeaders } from '../helpers/seededAccounts'

const REFERENCE_PATH = '/entertainment/everything-we-know-about-heartstopper-season-2'
const REFERENCE_TITLE = 'Everything We Know About Heartstopper Season 2 (Release date & more)'
const DRAFT_SLUG = 'season-2-casting-rumours'

/** Approved comments on the reference article in the demo seed (the pending and spam ones must never show). */
const APPROVED_COMMENTS = 20
const HIDDEN_COMMENT_TEXT = ['keeps the episodes short', 'tour for the launch', 'Nick and Charlie go next', 'Best prices online', 'Boost your ranking']

type JsonLd = Record<string, any>

async function jsonLd(page: Page): Promise<JsonLd[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
  return blocks.map((text) => JSON.parse(text))
}

/** The HTML a reader without JavaScript sees: the page also carries its RSC payload (every text on it) in scripts. */
const withoutScripts = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')

const isThirdPartyVideo = (url: string) => /youtube(-nocookie)?\.com|ytimg\.com|vimeo(cdn)?\.com/.test(new URL(url).hostname)

test.describe('Reader site', () => {
  test.describe('the reference article', () => {
    test('shows the headline and every section heading in order', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(REFERENCE_TITLE)
      await expect(page.locator('.article-body h2')).toHaveText(REFERENCE_SECTIONS)
    })

    test('shows the meta line: author link, date, comment count and reading time', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      const meta = page.locator('.article-meta')
      await expect(meta.getByRole('link', { name: 'Ellis Marlowe' })).toHaveAttribute('href', '/authors/ellis-marlowe')
      // The publication date comes first; the demo article was edited after publishing, so an "Updated" time follows.
      await expect(meta.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/)
      await expect(meta.getByRole('link', { name: `${APPROVED_COMMENTS} comments` })).toHaveAttribute('href', '#comments')
      await expect(meta).toContainText(/\d+ min read/)
    })

    test('reserves the hero image’s space with its width and height', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      const hero = page.locator('.article__hero img')
      await expect(hero).toHaveAttribute('width', /^\d+$/)
      await expect(hero).toHaveAttribute('height', /^\d+$/)
      await expect(hero).toHaveAttribute('alt', /school bench/)
      // The credit stored with the upload is printed under the picture.
      await expect(page.locator('.article__hero figcaption .figure__credit')).toHaveText('Byline demo artwork')
    })

    test('fetches the hero image first, at high priority, and no other image so', async ({ page }) => {
      const html = await (await page.request.get(REFERENCE_PATH, { headers: { cookie: '' } })).text()
      const highPriority = (html.match(/<(?:img|link)\b[^>]*\bfetchPriority="high"[^>]*>/gi) ?? []).map((tag) => tag.match(/hero-[a-z0-9-]+\.\w+/)?.[0])
      // The preload in the head and the image itself, both of the hero.
      expect(highPriority).toHaveLength(2)
      expect(highPriority[0]).toMatch(/^hero-/)
      expect(highPriority[1]).toBe(highPriority[0])
      const preload = html.indexOf('rel="preload" as="image"')
      expect(preload).toBeGreaterThan(-1)
      expect(preload).toBeLessThan(html.indexOf('</head>'))
    })

    test('renders the three pull quotes with their attributions', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      const quotes = page.locator('.article-body figure.pull-quote')
      await expect(quotes).toHaveCount(3)
      await expect(quotes.locator('blockquote')).toHaveCount(3)
      await expect(quotes.locator('figcaption')).toHaveText([/Joe Locke/, /Kit Connor/, /Patrick Walters, executive producer/])
      await expect(quotes.first().getByRole('link', { name: 'Joe Locke' })).toHaveAttribute('href', '/cast/joe-locke')
    })

    test('resolves internal links and shows the uploaded image with its caption', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      const body = page.locator('.article-body')
      await expect(body.getByRole('link', { name: 'Olivia Colman' })).toHaveAttribute('href', '/cast/olivia-colman')
      await expect(body.locator('figure.article-figure figcaption')).toHaveText(/Kent coast/)
    })

    test('loads nothing from the video provider until the reader presses play', async ({ page }) => {
      const thirdParty: string[] = []
      page.on('request', (request) => {
        if (isThirdPartyVideo(request.url())) thirdParty.push(request.url())
      })
      // The test machine has no internet: answer the player request locally once it is made.
      await page.route(/youtube-nocookie\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>player</title>' }))

      await page.goto(REFERENCE_PATH)
      await page.waitForLoadState('networkidle')
      const video = page.locator('.article-body figure.video-embed')
      await expect(video.locator('iframe')).toHaveCount(0)
      expect(thirdParty, 'requests to the video provider before play').toEqual([])

      const play = video.getByRole('link', { name: /Play video: Heartstopper season 1 official trailer/ })
      await expect(play).toHaveAttribute('href', 'https://www.youtube.com/watch?v=HsTrailer01')
      await play.click()

      const frame = video.locator('iframe')
      await expect(frame).toHaveAttribute('src', /^https:\/\/www\.youtube-nocookie\.com\/embed\/HsTrailer01\?/)
      await expect(frame).toHaveAttribute('title', 'Heartstopper season 1 official trailer')
      expect(page.url()).toContain(REFERENCE_PATH)
    })

    test('shows the cast spotlight and the cast section of ten cards', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      await expect(page.locator('.cast-spotlight .cast-card')).toHaveCount(3)
      const section = page.locator('section.cast-section')
      await expect(section.getByRole('heading', { level: 2, name: 'Cast' })).toBeVisible()
      const cards = section.locator('.cast-card')
      await expect(cards).toHaveCount(10)
      await expect(cards.first()).toContainText('Joe Locke')
      await expect(cards.first()).toContainText('Charlie Spring')
      await expect(cards.first().getByRole('link')).toHaveAttribute('href', '/cast/joe-locke')
      await expect(cards.first().locator('img')).toHaveAttribute('width', /^\d+$/)
    })

    test('does not move sideways when a scrollbar comes or goes, as while the page streams in', async ({ playwright, launchOptions, baseURL }) => {
      // Playwright hides scrollbars in headless Chromium; readers on Windows and Linux have them.
      const browser = await playwright.chromium.launch({ ...launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] })
      try {
        const page = await browser.newPage({ baseURL, viewport: { width: 1280, height: 720 } })
        await page.goto(REFERENCE_PATH)
        const header = page.locator('.site-header__inner')
        const left = () => header.evaluate((element) => element.getBoundingClientRect().left)
        // The long article scrolls; what has arrived of a page while it loads may not yet.
        expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true)
        const scrolling = await left()
        await page.locator('main').evaluate((main) => main.remove())
        expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(false)
        expect(await left()).toBe(scrolling)
      } finally {
        await browser.close()
      }
    })

    test('ends with the byline box linking to the author page', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      const box = page.locator('.byline-box')
      await expect(box.getByRole('heading', { name: 'Ellis Marlowe' })).toBeVisible()
      await expect(box.getByRole('link', { name: 'Ellis Marlowe', exact: true })).toHaveAttribute('href', '/authors/ellis-marlowe')
      await expect(box).toContainText('covers television and streaming')
      await expect(box.locator('img')).toHaveCount(1)
    })

    test('lists the approved comments, threaded, and never pending or spam ones', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      const comments = page.locator('section#comments')
      await expect(comments.getByRole('heading', { level: 2 })).toHaveText(`${APPROVED_COMMENTS} Comments`)
      await expect(comments.locator('li.comment')).toHaveCount(APPROVED_COMMENTS)
      // Leah's reply sits inside Sam's comment; Jonah's thanks two levels down.
      const sam = comments.locator('li.comment', { hasText: 'comfort watch' }).first()
      await expect(sam.locator('ol li.comment')).toHaveText([/rewatched it twice/])
      const jonah = comments.locator(':scope > ol > li.comment', { hasText: 'Paris trip' })
      await expect(jonah.locator('ol ol li.comment')).toHaveText([/That makes sense/])
      for (const text of HIDDEN_COMMENT_TEXT) await expect(page.locator('body')).not.toContainText(text)
    })

    test('shows the "Leave A Reply" form and shows "Most Popular"', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      await expect(page.locator('section#respond').getByRole('heading', { name: 'Leave A Reply' })).toBeVisible()
      await expect(page.locator('section#respond').getByRole('button', { name: 'Post Comment' })).toBeVisible()
      const popular = page.getByRole('complementary', { name: 'Most Popular' })
      await expect(popular.getByRole('listitem')).toHaveCount(5)
      await expect(popular).not.toContainText(REFERENCE_TITLE)
    })

    test('has breadcrumbs, canonical URL, social cards and structured data', async ({ page }) => {
      await page.goto(REFERENCE_PATH)
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem')
      await expect(crumbs).toHaveText(['Home', 'Entertainment', REFERENCE_TITLE])
      await expect(crumbs.nth(1).getByRole('link')).toHaveAttribute('href', '/entertainment')

      const origin = new URL(page.url()).origin
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${origin}${REFERENCE_PATH}`)
      await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`^${origin}/api/media/file/`))
      await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image')
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /not been commissioned/)

      const data = await jsonLd(page)
      const breadcrumbList = data.find((d) => d['@type'] === 'BreadcrumbList')
      expect(breadcrumbList?.itemListElement.map((i: JsonLd) => i.name)).toEqual(['Home', 'Entertainment', REFERENCE_TITLE])
      const article = data.find((d) => d['@type'] === 'NewsArticle')
      expect(article).toMatchObject({
        headline: REFERENCE_TITLE,
        author: [{ '@type': 'Person', name: 'Ellis Marlowe' }],
        publisher: { '@type': 'Organization', name: 'Byline' },
      })
      expect(Date.parse(article?.datePublished)).not.toBeNaN()
      expect(Date.parse(article?.dateModified)).not.toBeNaN()
      expect(article?.image[0]).toMatch(new RegExp(`^${origin}/api/media/file/`))
    })

    test('loads one small script of its own and none of the framework', async ({ page }) => {
      const scripts: string[] = []
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
      })
      await page.goto(REFERENCE_PATH)
      await page.waitForLoadState('load')
      expect(scripts).toEqual(['/reader.js'])
      const html = await (await page.request.get(REFERENCE_PATH, { headers: { cookie: '' } })).text()
      expect(html).not.toMatch(/\/_next\/static\/[^"]*\.js/)
      expect(html).not.toContain('self.__next_f')
      const script = await page.request.get(scripts[0] as string)
      expect(script.headers()['content-type']).toContain('javascript')
      expect((await script.body()).length).toBeLessThan(8_000)
    })

    test('paints without waiting for a stylesheet: its styles come inline with the page', async ({ page }) => {
      const stylesheets: string[] = []
      page.on('request', (request) => {
        if (request.resourceType() === 'stylesheet') stylesheets.push(request.url())
      })
      await page.goto(REFERENCE_PATH)
      await page.waitForLoadState('load')
      expect(stylesheets).toEqual([])
      // Styled all the same: the comment list is the site's, not the browser's numbered list.
      await expect(page.locator('.comment-list').first()).toHaveCSS('list-style-type', 'none')
      const html = await (await page.request.get(REFERENCE_PATH, { headers: { cookie: '' } })).text()
      expect(html).toMatch(/<style data-href="\/_next\/static\/[^"]+\.css">/)
      expect(html).not.toMatch(/<link[^>]*rel="stylesheet"/)
    })

    test('reads in full with JavaScript turned off', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false })
      const page = await context.newPage()
      try {
        await page.goto(REFERENCE_PATH)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(REFERENCE_TITLE)
        await expect(page.locator('.article-body h2')).toHaveText(REFERENCE_SECTIONS)
        await expect(page.locator('.article-body figure.pull-quote')).toHaveCount(3)
        await expect(page.locator('section.cast-section .cast-card')).toHaveCount(10)
        await expect(page.locator('section#comments li.comment')).toHaveCount(APPROVED_COMMENTS)
        // Without JavaScript the video is a plain link to the provider's page.
        await expect(page.locator('.video-embed a.video-facade')).toHaveAttribute('href', 'https://www.youtube.com/watch?v=HsTrailer01')
      } finally {
        await context.close()
      }
    })
  })

  test.describe('listings', () => {
    test('the home page leads with the newest story and lists the latest', async ({ page }) => {
      await page.goto('/')
      await expect(page.locator('.lead-story h2')).toHaveText(REFERENCE_TITLE)
      await expect(page.locator('section[aria-labelledby="latest-heading"] .article-card').first()).toBeVisible()
      const popular = page.getByRole('complementary', { name: 'Most Popular' })
      await expect(popular.getByRole('listitem')).toHaveCount(5)
      await expect(popular).not.toContainText(REFERENCE_TITLE)
      // A row per top-level section, each headed by a link to its listing.
      await expect(page.getByRole('heading', { level: 2, name: 'Culture' }).getByRole('link')).toHaveAttribute('href', '/culture')
      await expect(page.locator('.section-row').filter({ hasText: 'Technology' }).locator('.article-card')).not.toHaveCount(0)
      await expect(page.locator('body')).not.toContainText('What We Can and Cannot Confirm')
    })

    test('a category lists its own and its subcategories’ articles, never drafts', async ({ page }) => {
      await page.goto('/entertainment')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entertainment')
      const titles = page.locator('.article-card__title')
      await expect(titles.filter({ hasText: 'Everything We Know About Heartstopper Season 2' })).toHaveCount(1)
      // Television is a subcategory of Entertainment.
      await expect(titles.filter({ hasText: 'Heartstopper Season 1 Review' })).toHaveCount(1)
      await expect(page.locator('body')).not.toContainText('What We Can and Cannot Confirm')
      await expect(page.getByRole('navigation', { name: 'Entertainment sections' }).getByRole('link', { name: 'Television' })).toHaveAttribute('href', '/television')
    })

    test('a subcategory’s breadcrumbs follow the category tree', async ({ page }) => {
      await page.goto('/television')
      await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem')).toHaveText(['Home', 'Entertainment', 'Television'])
      await expect(page.locator('.article-card__title').filter({ hasText: 'Heartstopper Season 1 Review' })).toHaveCount(1)
      await expect(page.locator('.article-card__title').filter({ hasText: 'Everything We Know' })).toHaveCount(0)
    })

    test('an author page shows the author and their articles', async ({ page }) => {
      await page.goto('/authors/ellis-marlowe')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ellis Marlowe')
      await expect(page.locator('.profile')).toContainText('covers television and streaming')
      const titles = page.locator('.article-card__title')
      await expect(titles.filter({ hasText: 'Everything We Know About Heartstopper Season 2' })).toHaveCount(1)
      await expect(titles.filter({ hasText: 'Video Codecs Explained' })).toHaveCount(0)
      await expect(page.locator('body')).not.toContainText('What We Can and Cannot Confirm')
    })

    test('a cast page shows the cast member and the articles featuring them', async ({ page }) => {
      await page.goto('/cast/kit-connor')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kit Connor')
      await expect(page.locator('.profile')).toContainText('as Nick Nelson')
      const titles = page.locator('.article-card__title')
      await expect(titles.filter({ hasText: 'Everything We Know About Heartstopper Season 2' })).toHaveCount(1)
      await expect(titles.filter({ hasText: 'Rugby Pitches and Quiet Moments' })).toHaveCount(1)
    })
  })

  test.describe('addresses', () => {
    // The first is where Next renders the designed page for the server (src/productionServer/requestKinds.ts): never a 200 for readers.
    // The last two are routes only next.config.ts's rewrites may reach (app/(site)/rewrite-target/), asked for by their own address.
    const unknownPaths = [
      '/page-not-found',
      '/no-such-section',
      '/entertainment/no-such-article',
      `/television/${DRAFT_SLUG}`,
      `/entertainment/${DRAFT_SLUG}`,
      '/a/b/c/d',
      '/authors/nobody',
      '/cast/nobody',
      '/entertainment?page=99',
      '/?page=99',
      '/?page=0',
      '/rewrite-target/listing-page/latest/1',
      '/rewrite-target/reader-view/entertainment/everything-we-know-about-heartstopper-season-2',
    ]
    const NOT_FOUND_HEADING = 'We can’t find that page'

    for (const path of unknownPaths) {
      // Readers without JavaScript and crawlers get only the server's HTML. Asked twice: the first
      // answer is rendered, the second comes from Next's page cache, which keeps the 404 too.
      test(`${path} answers 404 with the designed page in the server's HTML`, async ({ request }) => {
        for (const answer of ['rendered', 'cached']) {
          const response = await request.get(path)
          expect(response.status(), answer).toBe(404)
          const markup = withoutScripts(await response.text())
          expect(markup, answer).toContain(NOT_FOUND_HEADING)
          expect(markup, answer).toContain('Go to the front page')
        }
      })

      // A client-side navigation fetches the route's RSC payload, not HTML; the browser draws the page from it.
      test(`${path} answers a client-side navigation with the not-found page's RSC payload`, async ({ request }) => {
        const response = await request.get(path, { headers: { RSC: '1' } })
        expect(response.status()).toBe(404)
        expect(response.headers()['content-type']).toContain('text/x-component')
        expect(await response.text()).toContain(NOT_FOUND_HEADING)
      })

      test(`${path} shows the designed 404 page in a browser`, async ({ page }) => {
        const response = await page.goto(path)
        expect(response?.status()).toBe(404)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOT_FOUND_HEADING)
        await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible()
      })
    }

    test.describe('without JavaScript', () => {
      test.use({ javaScriptEnabled: false })

      for (const path of unknownPaths) {
        test(`${path} shows the designed 404 page inside the site's header and footer`, async ({ page }) => {
          const response = await page.goto(path)
          expect(response?.status()).toBe(404)
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOT_FOUND_HEADING)
          await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible()
          await expect(page.getByRole('link', { name: 'Byline', exact: true })).toBeVisible()
          await expect(page.getByRole('contentinfo')).toContainText('Byline newsroom')
        })
      }
    })

    test('an article asked for under the wrong category redirects permanently to its own', async ({ request }) => {
      const response = await request.get('/television/everything-we-know-about-heartstopper-season-2', { maxRedirects: 0 })
      expect(response.status()).toBe(308)
      // Next's page cache repeats the Location header; the server sends it once.
      expect(response.headersArray().filter((header) => header.name.toLowerCase() === 'location')).toHaveLength(1)
      expect(new URL(response.headers().location ?? '', 'http://x').pathname).toBe(REFERENCE_PATH)
    })

    test('reserved paths stay with Payload', async ({ request }) => {
      const api = await request.get('/api/articles?limit=1&depth=0')
      expect(api.status()).toBe(200)
      expect((await api.json()).docs).toHaveLength(1)
      const admin = await request.get('/admin/login')
      expect(admin.status()).toBe(200)
    })
  })

  test.describe('freshness', () => {
    // Reader pages render per request for now, so an editor's change is visible on the next load.
    test('an edit, an unpublish and a republish show on the next page load', async ({ request }) => {
      const headers = await authHeaders(request, 'admin')
      const slug = 'heartstopper-season-1-review'
      const path = `/television/${slug}`
      const found = await request.get('/api/articles', { headers, params: { 'where[slug][equals]': slug, depth: 0 } })
      const [article] = (await found.json()).docs
      const original: string = article.title
      const edited = `${original} (updated ${Date.now()})`
      const update = async (data: Record<string, unknown>) =>
        expect((await request.patch(`/api/articles/${article.id}`, { headers, data })).status()).toBe(200)
      const html = async (url: string) => (await request.get(url)).text()

      try {
        await update({ title: edited, _status: 'published' })
        for (const url of [path, '/television', '/']) expect(await html(url), url).toContain(edited)

        await update({ _status: 'draft' })
        expect((await request.get(path)).status()).toBe(404)
        for (const url of ['/television', '/', '/cast/joe-locke']) expect(await html(url), url).not.toContain(edited)

        await update({ title: original, _status: 'published' })
        expect((await request.get(path)).status()).toBe(200)
        expect(await html('/television')).toContain(original)
      } finally {
        await update({ title: original, _status: 'published' })
      }
    })
  })
})
