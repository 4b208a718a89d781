import type { Page } from '@playwright/test'

import { expect, test } from '@playwright/test'

import { articlesDeletedAfterAll, createDraft, openAtReviewState, takeOverEditLocks, televisionId } from '../helpers/e2eArticles'
import { authHeaders, logInAs, waitForFormReady } from '../helpers/seededAccounts'

/**
 * Issue #11's editors' day in Chromium: review toasts that say what happened, the editor's note
 * as a banner at the top of the contributor's page, the Schedule drawer opening on Publish in
 * the newsroom's time zone, and on the reader site the bylines on cards, Related stories and the
 * author's feed.
 */

const toast = (page: Page, text: string | RegExp) => page.locator('[data-sonner-toast]').filter({ hasText: text })

test.describe('Editors', () => {
  const created = articlesDeletedAfterAll()

  test('review toasts say what happened, and the editor’s note is a banner at the top of the contributor’s page', async ({ browser, request }) => {
    test.slow()
    const title = `Set visit ${Date.now().toString(36)}`
    const contributorHeaders = await authHeaders(request, 'contributor')
    const id = await createDraft({ request, headers: contributorHeaders, data: { title, category: await televisionId(request, contributorHeaders) } })
    created.push(id)

    const contributor = await logInAs(browser, 'contributor')
    await contributor.goto(`/admin/collections/articles/${id}`)
    await waitForFormReady(contributor)
    await contributor.getByRole('button', { name: 'Submit for review' }).click()
    await expect(toast(contributor, 'Submitted for review')).toBeVisible()
    await expect(toast(contributor, 'Draft saved successfully')).toHaveCount(0)
    await contributor.goto('/admin')

    const editor = await logInAs(browser, 'editor')
    await takeOverEditLocks(editor)
    await openAtReviewState(editor, { id, state: 'submitted' })
    await editor.locator('#field-review__state').getByRole('combobox').click()
    await editor.getByRole('option', { name: 'Changes requested', exact: true }).click()
    const note = 'Name the studio, and add a photo credit.'
    await editor.locator('#field-review__note').fill(note)
    await editor.getByRole('button', { name: 'Save draft' }).click()
    await expect(toast(editor, /^Sent back to /)).toBeVisible()
    await editor.goto('/admin')
    await editor.context().close()

    await takeOverEditLocks(contributor)
    await contributor.goto(`/admin/collections/articles/${id}`)
    await waitForFormReady(contributor)
    const banner = contributor.getByRole('note').filter({ hasText: 'Changes requested by the editor' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText(note)
    // At the top: above the headline field, in view without scrolling. Measured until both are laid
    // out: a CI run once read no box for one of them while the edit view was still rendering.
    const boxes = async () => Promise.all([banner.boundingBox(), contributor.locator('#field-title').boundingBox()])
    await expect.poll(async () => boxes().then(([bannerBox, titleBox]) => (bannerBox && titleBox ? bannerBox.y < titleBox.y : 'not laid out'))).toBe(true)
    await expect(banner).toBeInViewport()
    await contributor.context().close()
  })

  test('the Schedule drawer opens on Publish for a never-published draft, and it and publishedAt read times in the newsroom’s time zone', async ({ browser, request }) => {
    const headers = await authHeaders(request, 'editor')
    const category = await televisionId(request, headers)
    const title = `Scheduled premiere ${Date.now().toString(36)}`
    const id = await createDraft({ request, headers, data: { title, category } })
    created.push(id)
    const publishedAt = '2026-06-15T14:30:00.000Z'
    const published = await request.post('/api/articles', { headers, data: { title: `${title} (live)`, category, _status: 'published', publishedAt } })
    expect(published.status(), await published.text()).toBe(201)
    const publishedId = (await published.json()).doc.id as string
    created.push(publishedId)

    // BYLINE_TIME_ZONE of the server under test (UTC when unset) is the zone; the browser sits in
    // another, so a time read or shown in the browser's zone would show.
    const zone = process.env.BYLINE_TIME_ZONE || 'UTC'
    const browserZone = zone === 'Asia/Tokyo' ? 'America/New_York' : 'Asia/Tokyo'
    const editor = await logInAs(browser, 'editor', { timezoneId: browserZone })
    expect(await editor.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(browserZone)

    // publishedAt, as the sidebar's date field shows it ("MMM d, yyy h:mm a").
    await editor.goto(`/admin/collections/articles/${publishedId}`)
    await waitForFormReady(editor)
    const shown = wallClock(publishedAt, zone)
    const publishedField = editor.locator('#field-publishedAt')
    const labels: Record<string, string> = { UTC: '(UTC) Coordinated Universal Time', 'America/New_York': '(UTC-05:00) Eastern Time (US & Canada)' }
    const zoneLabel = labels[zone] ?? zone
    await expect(publishedField.locator('.timezone-picker')).toContainText(zoneLabel)
    await expect(publishedField.locator('.react-datepicker__input-container input')).toHaveValue(`${shown.month} ${shown.day}, ${shown.year} ${shown.hour}:${shown.minute} ${shown.dayPeriod}`)
    await editor.goto('/admin')

    await editor.goto(`/admin/collections/articles/${id}`)
    await waitForFormReady(editor)
    await editor.locator('#action-save-popup').getByRole('button').first().click()
    await editor.locator('#schedule-publish').click()
    await expect(editor.getByRole('radio', { name: 'Publish', exact: true })).toBeChecked()
    await expect(editor.getByRole('radio', { name: 'Unpublish', exact: true })).not.toBeChecked()
    await expect(editor.locator('.schedule-publish .timezone-picker')).toContainText(zoneLabel)

    // 10:00 typed in the drawer is 10:00 on the newsroom's clocks, as the upcoming list shows it.
    const year = new Date().getUTCFullYear() + 1
    const time = editor.locator('.schedule-publish__scheduler .react-datepicker__input-container input')
    await time.fill(`Jun 15, ${year} 10:00 AM`)
    await expect(time).toHaveValue(`Jun 15, ${year} 10:00 AM`)
    await editor.locator('.schedule-publish__drawer-header h2').click()
    await editor.locator('#scheduled-publish-save').click()
    await expect(toast(editor, 'Scheduled successfully.')).toBeVisible()
    const upcoming = editor.locator('.schedule-publish__upcoming table')
    await expect(upcoming).toContainText(`June 15th ${year}, 10:00 AM`)
    await expect(upcoming).toContainText(zoneLabel)
    // Leave no schedule behind.
    await upcoming.locator('.schedule-publish__delete').click()
    await expect(editor.locator('.schedule-publish__upcoming')).toContainText('No upcoming events scheduled.')
    await editor.goto('/admin')
    await editor.context().close()
  })
})

type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'dayPeriod', string>

/** What the newsroom's clocks show at an instant, in the parts Payload's date formats use. */
function wallClock(iso: string, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true }).formatToParts(new Date(iso))
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), dayPeriod: part('dayPeriod') }
}

test.describe('Front page', () => {
  test('cards name their authors, an article ends with Related stories, and an author page links its feed', async ({ page, request }) => {
    await page.goto('/')
    const card = page.locator('.article-card').first()
    await expect(card.locator('.article-card__byline a[rel="author"]').first()).toBeVisible()
    const authorHref = await card.locator('.article-card__byline a').first().getAttribute('href')
    expect(authorHref).toMatch(/^\/authors\//)

    await card.locator('.article-card__title a').click()
    const related = page.getByRole('region', { name: 'Related stories' })
    await expect(related).toBeVisible()
    const links = related.locator('.article-card__title a')
    expect(await links.count()).toBeGreaterThan(0)
    expect(await links.count()).toBeLessThanOrEqual(4)
    expect(await related.locator('.article-card__title a', { hasText: await page.getByRole('heading', { level: 1 }).innerText() }).count()).toBe(0)

    await page.goto(authorHref ?? '/')
    const alternate = page.locator('link[rel="alternate"][type="application/rss+xml"]')
    const feedUrls = await alternate.evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    const feed = feedUrls.find((href) => href?.endsWith(`${authorHref}/feed.xml`))
    expect(feed, JSON.stringify(feedUrls)).toBeTruthy()
    const response = await request.get(`${authorHref}/feed.xml`)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toContain('application/rss+xml')
    expect(await response.text()).toContain('<item>')
    expect((await request.get('/authors/nobody-at-all/feed.xml')).status()).toBe(404)
  })

  test('related stories and the bylines work without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/')
    await page.locator('.article-card .article-card__title a').first().click()
    await expect(page.getByRole('region', { name: 'Related stories' }).locator('.article-card__byline').first()).toBeVisible()
    await context.close()
  })
})
