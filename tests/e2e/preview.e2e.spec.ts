import type { APIRequestContext } from '@playwright/test'

import { expect, test } from '@playwright/test'

import { block, doc, p } from '../../src/seed/lexical'
import { authHeaders, logInAs, waitForFormReady } from '../helpers/seededAccounts'

/**
 * Issue 22 C: drafts skip validation, so preview and live preview render blocks a writer has only
 * just inserted, with nothing filled in. Each block goes in empty (and half-filled) through REST,
 * as the editor's autosave stores it, and the draft is opened in live preview beside the editor
 * and through a copied preview link: the page must render, not answer a server error.
 */

const EMPTY_BLOCKS = [
  block('castSpotlight', {}),
  block('castSpotlight', { heading: 'Meet the cast', castMembers: [] }),
  block('pullQuote', {}),
  block('pullQuote', { attribution: 'Nobody yet' }),
  block('videoEmbed', {}),
  block('videoEmbed', { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }),
]

test.describe('Preview of a half-filled draft', () => {
  let articleId = ''
  const stamp = Date.now().toString(36)
  const title = `Blocks in progress ${stamp}`
  const before = `Written before the blocks ${stamp}`
  const after = `Written after the blocks ${stamp}`

  const editorHeaders = (request: APIRequestContext) => authHeaders(request, 'editor')

  test.beforeAll(async ({ request }) => {
    const headers = await editorHeaders(request)
    const categories = await (await request.get('/api/categories?where[slug][equals]=television&depth=0', { headers })).json()
    const authors = await (await request.get('/api/authors?limit=1&depth=0', { headers })).json()
    const response = await request.post('/api/articles?draft=true&depth=0', {
      headers,
      data: {
        title,
        slug: `blocks-in-progress-${stamp}`,
        category: categories.docs[0].id,
        authors: [authors.docs[0].id],
        content: doc(p(before), ...EMPTY_BLOCKS, p(after)),
        _status: 'draft',
      },
    })
    expect(response.status(), await response.text()).toBe(201)
    articleId = (await response.json()).doc.id
  })

  test.afterAll(async ({ request }) => {
    if (articleId) await request.delete(`/api/articles/${articleId}`, { headers: await editorHeaders(request) })
  })

  test('a preview link shows the draft with its empty blocks, without a server error', async ({ browser, request }) => {
    const link = await request.get(`/api/articles/${articleId}/preview-link`, { headers: await editorHeaders(request) })
    expect(link.status()).toBe(200)
    const { url } = await link.json()
    const editor = await logInAs(browser, 'editor')
    const response = await editor.goto(url)
    expect(response?.status()).toBe(200)
    await expect(editor).toHaveURL(new RegExp(`/television/blocks-in-progress-${stamp}$`))
    await expect(editor.locator('.preview-banner')).toContainText('Preview of an unpublished draft')
    await expect(editor.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(editor.getByText(before)).toBeVisible()
    await expect(editor.getByText(after)).toBeVisible()
    // The one block with enough to show: a video with an address, named after its provider until it has a title.
    await expect(editor.getByRole('link', { name: /Play video: YouTube video/ })).toBeVisible()
    await editor.context().close()
  })

  test('live preview beside the editor renders the draft with its empty blocks', async ({ browser }) => {
    const editor = await logInAs(browser, 'editor')
    await editor.goto(`/admin/collections/articles/${articleId}`)
    await waitForFormReady(editor)
    await editor.getByRole('button', { name: 'Live Preview' }).click()
    const preview = editor.frameLocator('#live-preview-iframe')
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(preview.getByText(before)).toBeVisible()
    await expect(preview.getByText(after)).toBeVisible()
    await expect(preview.locator('.preview-banner')).toContainText('Preview of an unpublished draft')
    await editor.context().close()
  })
})
