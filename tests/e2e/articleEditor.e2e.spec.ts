import type { Page } from '@playwright/test'

import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import sharp from 'sharp'

import { authHeaders, submitAdminLogin, waitForFormReady } from '../helpers/seededAccounts'

/**
 * The article editor for writers (#11): what axe finds in it (item 5), the blocks' previews
 * (item 4), and the whole article in at most 20 clicks ("Done when").
 */

const BLOCKS = ['Pull quote', 'Video embed', 'Cast spotlight'] as const

/**
 * What axe still finds in Payload's own UI, which our code cannot fix cleanly: each entry is one
 * rule and the elements it may flag, with the reason. Anything else fails the test.
 */
const UPSTREAM: { rule: string; target: RegExp; reason: string }[] = [
  {
    rule: 'button-name',
    target: /^\.toolbar-popup__button-(bold|italic|underline|strikethrough)$|^\.disabled$/,
    reason: 'Lexical fixed-toolbar format buttons are icon-only, with no aria-label (@payloadcms/richtext-lexical ToolbarButton)',
  },
  {
    rule: 'button-name',
    target: /popup-button/,
    reason: 'the Publish split button\'s chevron and the document "more" (three dots) trigger are icon-only (@payloadcms/ui Popup)',
  },
  {
    rule: 'label',
    target: /react-select-.*-input|react-datepicker__input-container/,
    reason: 'relationship and date fields: Payload\'s label points at field-<name>, not at react-select\'s or react-datepicker\'s input',
  },
  {
    rule: 'aria-hidden-focus',
    target: /\.dropdown-indicator|\.clear-indicator/,
    reason: 'react-select chevron and clear buttons in Payload\'s relationship field are aria-hidden yet focusable',
  },
  {
    rule: 'nested-interactive',
    target: /\.rs__multi-value/,
    reason: 'a chosen value in a hasMany relationship is a sortable role=button containing its own edit and remove buttons',
  },
  { rule: 'list', target: /\.doc-tabs__tabs/, reason: 'the document tabs (Edit, Versions, API) put non-li children in their ul' },
  {
    rule: 'link-name',
    target: /^a\[href="\/"\]$/,
    reason: '@payloadcms/plugin-seo search preview renders an empty link to "/" while the document has no URL yet',
  },
  {
    rule: 'color-contrast',
    target: /render-fields--margins-small|^div:nth-child\(\d\) > |a\[rel="noopener noreferrer"\]/,
    reason: '@payloadcms/plugin-seo meta fields: descriptions, "Missing" badges and the preview use inline colours (#9a9a9a)',
  },
]

async function logIn(page: Page) {
  await submitAdminLogin(page, 'writer')
  await expect(page).toHaveURL(/\/admin$/)
}

/**
 * Picks `option` from the slash menu by keyboard: types `/query`, waits until the menu has the
 * option highlighted, then presses Enter. Lexical opens and filters the menu in a React transition,
 * which waits behind other rendering (the admin re-renders as the new draft's address comes in) while
 * keystrokes go on being handled: an Enter sent before the menu is there starts a new line, and one
 * sent before it has filtered picks another option. A CI run published this article without its heading.
 */
async function pickFromSlashMenu(page: Page, query: string, option: string) {
  await page.keyboard.type(`/${query}`)
  await expect(page.getByRole('listbox', { name: 'Slash menu' }).getByRole('option', { name: option, exact: true })).toHaveAttribute('aria-selected', 'true')
  // The menu registers its Enter handler in an effect after that render; let it run first.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('listbox', { name: 'Slash menu' })).toHaveCount(0)
}

async function insertBlock(page: Page, name: (typeof BLOCKS)[number]) {
  // The slash menu filters as you type and Enter picks the highlighted match: no click.
  const blocks = page.locator('.byline-block')
  const before = await blocks.count()
  await pickFromSlashMenu(page, name.split(' ')[0].toLowerCase(), name)
  // The next keystrokes belong to the editor again once the block is in.
  await expect(blocks).toHaveCount(before + 1)
}

test.describe('The article editor (#11)', () => {
  const created: string[] = []

  test.afterEach(async ({ page, request }) => {
    // Leave the editor first, so the page stops renewing its lock on a document about to go.
    await page.goto('about:blank')
    const headers = await authHeaders(request, 'admin')
    // The editor page still holds the document's lock at this point; a leftover published article
    // would lead the front page in later specs, so the delete overrides the lock and must succeed.
    for (const id of created.splice(0)) expect([200, 404]).toContain((await request.delete(`/api/articles/${id}?overrideLock=true`, { headers })).status())
  })

  test('axe finds nothing our code can fix on a new article with every block', async ({ page }) => {
    await logIn(page)
    await page.goto('/admin/collections/articles/create')
    await waitForFormReady(page)
    await page.getByLabel('Title').fill(`Axe probe ${Date.now().toString(36)}`)
    await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create$)[^/]+$/)
    created.push(new URL(page.url()).pathname.split('/').pop() as string)

    // The editable area has a name (src/fields/editorName).
    const body = page.getByRole('textbox', { name: 'Article body' })
    await body.click()
    for (const name of BLOCKS) {
      await insertBlock(page, name)
    }

    // Each block shows its preview and labelled fields (src/blocks/editor).
    await expect(page.getByRole('group', { name: 'Pull quote preview' })).toContainText('The quote appears here.')
    await expect(page.getByRole('group', { name: 'Video embed preview' })).toContainText('Paste a YouTube or Vimeo address')
    await expect(page.getByRole('group', { name: 'Cast spotlight preview' })).toContainText('Choose the cast members to show.')
    await expect(page.getByRole('textbox', { name: /^Video title\b/ })).toBeEditable()
    await expect(page.getByRole('button', { name: 'Remove pull quote' })).toBeVisible()

    // No id twice (axe 4.x no longer checks this; the video's title once collided with the headline's).
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id)
      return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))]
    })
    // nav-toggler: Payload renders its navigation toggle twice with one id (@payloadcms/ui Nav).
    expect(duplicates.filter((id) => id !== 'nav-toggler')).toEqual([])
    // The spotlight's field is `castMembers`, so the article's own cast field keeps its id to itself.
    await expect(page.locator('[id="field-cast"]')).toHaveCount(1)
    await expect(page.locator('.byline-block [id="field-castMembers"]')).toHaveCount(1)

    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    const ours = violations.flatMap((violation) =>
      violation.nodes
        .map((node) => node.target.join(' '))
        .filter((target) => !UPSTREAM.some((known) => known.rule === violation.id && known.target.test(target)))
        .map((target) => `${violation.id}: ${target}`),
    )
    expect(ours).toEqual([])
    // What remains is Payload's: listed in the report, to see when an upgrade fixes some.
    const upstream = violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`))
    test.info().annotations.push({ type: 'axe upstream', description: upstream.join('\n') })
    console.log(`axe, Payload's own:\n${upstream.join('\n')}`)
  })

  test('the preview follows what the writer types', async ({ page }) => {
    await logIn(page)
    await page.goto('/admin/collections/articles/create')
    await waitForFormReady(page)
    await page.getByLabel('Title').fill(`Preview probe ${Date.now().toString(36)}`)
    await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create$)[^/]+$/)
    created.push(new URL(page.url()).pathname.split('/').pop() as string)
    await page.getByRole('textbox', { name: 'Article body' }).click()
    await insertBlock(page, 'Pull quote')
    await insertBlock(page, 'Video embed')
    await page.getByRole('textbox', { name: /^Quote\b/ }).fill('We filmed it in the rain.')
    await page.getByRole('textbox', { name: /^Attribution\b/ }).fill('Joe Locke')
    await page.getByRole('textbox', { name: /^Video address\b/ }).fill('https://vimeo.com/123456789')
    await page.getByRole('textbox', { name: /^Video title\b/ }).fill('The first trailer')
    const quote = page.getByRole('group', { name: 'Pull quote preview' })
    await expect(quote.locator('blockquote')).toHaveText('We filmed it in the rain.')
    await expect(quote.locator('figcaption')).toHaveText('— Joe Locke')
    const video = page.getByRole('group', { name: 'Video embed preview' })
    await expect(video).toContainText('The first trailer')
    await expect(video).toContainText('Vimeo video 123456789')
  })

  test('publishing with an empty block takes the writer to its first field', async ({ page }) => {
    await logIn(page)
    await page.goto('/admin/collections/articles/create')
    await waitForFormReady(page)
    await page.getByLabel('Title').fill(`Empty block probe ${Date.now().toString(36)}`)
    await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create$)[^/]+$/)
    created.push(new URL(page.url()).pathname.split('/').pop() as string)
    await page.getByRole('textbox', { name: 'Article body' }).click()
    await insertBlock(page, 'Pull quote')
    await page.getByRole('button', { name: 'Publish changes' }).click()
    const quote = page.getByRole('textbox', { name: /^Quote\b/ })
    await expect(quote).toBeFocused()
    await expect(quote).toBeInViewport()
  })

  test('a writer publishes the full article in at most 20 clicks', async ({ page }) => {
    await logIn(page)
    // Every click the browser receives counts, wherever it lands (drawers, menus, the file chooser's button).
    const clicks: string[] = []
    await page.exposeFunction('bylineCountClick', (what: string) => clicks.push(what))
    await page.addInitScript(() => {
      document.addEventListener(
        'click',
        (event) => {
          if (event.isTrusted) (window as unknown as { bylineCountClick: (what: string) => void }).bylineCountClick((event.target as Element | null)?.outerHTML.slice(0, 80) ?? '')
        },
        true,
      )
    })

    const stamp = Date.now().toString(36)
    const title = `Twenty clicks ${stamp}`
    const modal = page.locator('.payload__modal-container')
    await page.goto('/admin/collections/articles/create')
    await waitForFormReady(page)

    await page.getByLabel('Title').click()
    await page.keyboard.type(title)
    await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create$)[^/]+$/)
    created.push(new URL(page.url()).pathname.split('/').pop() as string)

    // A heading and a paragraph with a link.
    const body = page.getByRole('textbox', { name: 'Article body' })
    await body.click()
    await pickFromSlashMenu(page, 'heading', 'Heading 2')
    await page.keyboard.type('What the crew told us')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Read the trailer notes')
    // Checked in the editor as well as on the published page, so a loss says where it happened.
    await expect(body.getByRole('heading', { level: 2 })).toHaveText('What the crew told us')
    for (let i = 0; i < 'trailer notes'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await page.locator('.fixed-toolbar .toolbar-popup__button-link').click()
    await modal.locator('input[name="url"]').click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('https://example.com/trailer')
    await modal.getByRole('button', { name: 'Save changes' }).click()
    await expect(body.getByRole('link', { name: 'trailer notes' })).toBeVisible()

    // A new photo with its credit, placed in the text with a caption.
    await body.locator('p').last().click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await pickFromSlashMenu(page, 'upload', 'Upload')
    await modal.getByText('Create New', { exact: true }).click()
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#3a6b8c' } }).png().toBuffer()
    const chooser = page.waitForEvent('filechooser')
    await modal.getByRole('button', { name: 'Select a file' }).click()
    await (await chooser).setFiles({ name: `set-${stamp}.png`, mimeType: 'image/png', buffer: png })
    await modal.locator('input[name="alt"]').fill(`The set at dawn ${stamp}`)
    await modal.locator('input[name="credit"]').fill('Photo: Byline test desk')
    await modal.getByRole('button', { name: 'Save' }).click()
    const image = body.locator('.LexicalEditorTheme__upload').first()
    await expect(image).toBeVisible()
    // The caption sits under the image with a named button (src/fields/uploadCaption), not behind a hover icon.
    const caption = body.locator('.byline-upload-caption')
    await expect(caption).toHaveText(/No caption yet/)
    await caption.getByRole('button', { name: 'Edit caption' }).click()
    await modal.locator('input[name="caption"]').fill('Filming starts before sunrise.')
    await modal.getByRole('button', { name: 'Save changes' }).click()
    await expect(caption).toContainText('Caption: Filming starts before sunrise.')

    // The three blocks, inserted one after the other from the slash menu, then filled in.
    await body.locator('p').last().click()
    for (const name of BLOCKS) await insertBlock(page, name)
    await expect(page.locator('.byline-block')).toHaveCount(3)
    await page.getByRole('textbox', { name: /^Quote\b/ }).click()
    await page.keyboard.type('We filmed it in the rain.')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Joe Locke')
    await page.getByRole('textbox', { name: /^Video address\b/ }).click()
    await page.keyboard.type('https://vimeo.com/123456789')
    await page.keyboard.press('Tab')
    await page.keyboard.type('The first trailer')
    // The block's own preview shows what it holds: moving on before the last keystroke reached the
    // block's form once lost it (the page said "The first traile").
    await expect(page.locator('.byline-block-preview__title', { hasText: 'The first trailer' })).toHaveText('The first trailer')
    await expect(page.getByRole('textbox', { name: /^Quote\b/ })).toHaveValue('We filmed it in the rain.')
    // Relationship fields take type-ahead: a click to open, the name, Enter.
    const spotlight = page.locator('.byline-block').nth(2)
    await spotlight.getByRole('combobox').click()
    await page.keyboard.type('Joe Locke')
    await expect(page.getByRole('option', { name: 'Joe Locke' })).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('group', { name: 'Cast spotlight preview' })).toContainText('Joe Locke')

    // Category and hero image in the sidebar and header.
    await page.locator('#field-category').getByRole('combobox').click()
    await page.keyboard.type('Television')
    await expect(page.getByRole('option', { name: 'Television', exact: true })).toBeVisible()
    await page.keyboard.press('Enter')
    await page.locator('#field-heroImage').getByRole('button', { name: 'Choose from existing' }).click()
    await modal.getByRole('button', { name: `The set at dawn ${stamp}` }).click()
    await expect(page.locator('#field-heroImage')).toContainText(`set-${stamp}`)

    // Nothing typed at the start is lost by the saves made since (the first save, autosaves).
    await expect(body.getByRole('heading', { level: 2 })).toHaveText('What the crew told us')
    await page.getByRole('button', { name: 'Publish changes' }).click()
    await expect(page.locator('[data-sonner-toast]').filter({ hasText: /Published/ })).toBeVisible()

    expect(clicks.length, clicks.join('\n')).toBeLessThanOrEqual(20)
    test.info().annotations.push({ type: 'clicks', description: String(clicks.length) })
    console.log(`The full article took ${clicks.length} clicks`)

    // The published page shows every part.
    const slug = await page.getByLabel('Slug').inputValue()
    const headers = await authHeaders(page.request, 'admin')
    const saved = await (await page.request.get(`/api/articles?where[slug][equals]=${slug}&depth=1`, { headers })).json()
    const category = saved.docs[0].category.slug as string
    // What was published, block by block, so a failure below says whether the save or the page lost it.
    const outline = (saved.docs[0].content?.root?.children ?? []).map((node: { type: string; tag?: string }) => node.tag ?? node.type)
    expect(outline.slice(0, 2), JSON.stringify(outline)).toEqual(['h2', 'paragraph'])
    await page.goto(`/${category}/${slug}`)
    const article = page.locator('article.article')
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(article.getByRole('heading', { level: 2, name: 'What the crew told us' })).toBeVisible()
    await expect(article.getByRole('link', { name: 'trailer notes' })).toHaveAttribute('href', 'https://example.com/trailer')
    const figure = article.locator('figure', { has: page.locator(`img[alt="The set at dawn ${stamp}"]`) })
    await expect(figure.first()).toBeVisible()
    await expect(article.locator('figcaption', { hasText: 'Filming starts before sunrise.' })).toContainText('Photo: Byline test desk')
    await expect(article.locator('.pull-quote blockquote')).toHaveText('We filmed it in the rain.')
    await expect(article.getByText('The first trailer').first()).toBeVisible()
    await expect(article.locator('.cast-spotlight')).toContainText('Joe Locke')
  })
})
