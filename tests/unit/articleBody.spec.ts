import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'

import type { Article } from '@/payload-types'

import { ArticleBody } from '@/components/ArticleBody'
import { block, doc, p } from '@/seed/lexical'

// src/lib modules guard against client bundles with `server-only`, which throws outside Next's server build.
vi.mock('server-only', () => ({}))

/**
 * Drafts skip validation, so preview and live preview render blocks the writer has only just
 * inserted: every field empty, or a relation that is not populated yet.
 */
const render = (...nodes: ReturnType<typeof block>[]) =>
  renderToStaticMarkup(ArticleBody({ content: doc(p('Before'), ...nodes, p('After')) as NonNullable<Article['content']> }))

describe('ArticleBody', () => {
  describe('a half-filled draft', () => {
    const empty: [string, Record<string, unknown>][] = [
      ['castSpotlight', {}],
      ['castSpotlight', { castMembers: null }],
      ['castSpotlight', { heading: 'Meet the cast', castMembers: [] }],
      ['castSpotlight', { castMembers: ['an-unpopulated-id', null] }],
      ['pullQuote', {}],
      ['pullQuote', { quote: '', attribution: null, castMember: null }],
      ['pullQuote', { attribution: 'Joe Locke' }],
      ['pullQuote', { castMember: { id: 'c1' } }],
      ['videoEmbed', {}],
      ['videoEmbed', { url: null, title: null }],
      ['videoEmbed', { url: 'not a video address', title: 'Trailer' }],
    ]

    it.each(empty)('renders an empty %s block %j as nothing, and the text around it', (blockType, fields) => {
      const html = render(block(blockType, fields))
      expect(html).toBe('<div class="article-body"><p>Before</p><p>After</p></div>')
    })

    it('renders an upload and a link that have nothing chosen yet as nothing and plain text', () => {
      const html = renderToStaticMarkup(
        ArticleBody({
          content: doc(
            { type: 'upload', relationTo: 'media', value: null, fields: null, format: '', version: 3 },
            p({ type: 'link', version: 3, fields: { linkType: 'internal', newTab: false, doc: null }, children: [{ type: 'text', text: 'Soon', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }], direction: 'ltr', format: '', indent: 0 }),
          ) as NonNullable<Article['content']>,
        }),
      )
      expect(html).toBe('<div class="article-body"><p>Soon</p></div>')
    })
  })

  describe('a filled block', () => {
    it('shows a pull quote with its attribution', () => {
      const html = render(block('pullQuote', { quote: 'It changed my life.', attribution: 'Joe Locke' }))
      expect(html).toContain('<figure class="pull-quote"><blockquote><p>It changed my life.</p></blockquote><figcaption>— Joe Locke</figcaption></figure>')
    })

    it('shows a video facade for a supported address and a title', () => {
      const html = render(block('videoEmbed', { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Trailer' }))
      expect(html).toContain('Play video: Trailer')
    })

    it('shows a draft’s video that has an address but no title yet, named after its provider', () => {
      const html = render(block('videoEmbed', { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }))
      expect(html).toContain('Play video: YouTube video')
      expect(html).toContain('<figcaption>YouTube video</figcaption>')
    })

    it('shows a draft’s quote without its attribution, or with a cast member not yet loaded as plain text', () => {
      expect(render(block('pullQuote', { quote: 'Soon.' }))).toContain('<figure class="pull-quote"><blockquote><p>Soon.</p></blockquote></figure>')
      expect(render(block('pullQuote', { quote: 'Soon.', attribution: 'Kit', castMember: 'c1' }))).toContain('<figcaption>— Kit</figcaption>')
      const member = { id: 'c1', name: 'Kit Connor', slug: 'kit-connor' }
      expect(render(block('pullQuote', { quote: 'Soon.', attribution: 'Kit', castMember: member }))).toContain(
        '<figcaption>— <a href="/cast/kit-connor">Kit</a></figcaption>',
      )
    })

    it('shows a spotlight with the cast members that are populated', () => {
      const member = { id: 'c1', name: 'Kit Connor', slug: 'kit-connor', character: 'Nick', photo: null, updatedAt: '', createdAt: '' }
      const html = render(block('castSpotlight', { heading: 'Meet the cast', castMembers: [member, 'gone-id'] }))
      expect(html).toContain('<h3 class="cast-spotlight__heading">Meet the cast</h3>')
      expect(html).toContain('Kit Connor')
      expect(html).toContain('as Nick')
    })
  })

  describe('an inline image', () => {
    const media = { id: 'm1', alt: 'The stage at night', filename: 'stage.jpg', width: 1200, height: 800, sizes: {} }
    const image = (mediaFields: Record<string, unknown>, caption: string | null) =>
      renderToStaticMarkup(
        ArticleBody({
          content: doc({ type: 'upload', relationTo: 'media', value: { ...media, ...mediaFields }, fields: caption === null ? null : { caption }, format: '', version: 3 }) as NonNullable<
            Article['content']
          >,
        }),
      )

    it('shows the writer’s caption and the upload’s credit in its figcaption', () => {
      const html = image({ credit: 'Photo: Jane Roe' }, 'Opening night at the Lyric.')
      expect(html).toMatch(/<figure class="article-figure"><img [^>]*alt="The stage at night"[^>]*\/?><figcaption>Opening night at the Lyric\. <span class="figure__credit">Photo: Jane Roe<\/span><\/figcaption><\/figure>/)
    })

    it('shows the credit alone, and no figcaption when there is neither', () => {
      expect(image({ credit: 'Photo: Jane Roe' }, null)).toContain('<figcaption><span class="figure__credit">Photo: Jane Roe</span></figcaption>')
      expect(image({ credit: '  ' }, '')).not.toContain('figcaption')
    })
  })
})
