import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { RichTextField } from 'payload'

import { editorConfigFactory } from '@payloadcms/richtext-lexical'
import { beforeAll, describe, expect, it } from 'vitest'

import type { ContentImage, LexicalDocument } from '@/import/wordpress/content'
import type { WxrItem } from '@/import/wordpress/wxr'

import { convertContent, inlineReusableBlocks } from '@/import/wordpress/content'
import { preloadLexical } from '@/lib/preloadLexical'

import { itemById, readAll } from '../helpers/wordpressExports'

/**
 * Converting WordPress HTML to the Articles collection's Lexical document needs that field's editor,
 * which only the Payload config builds: so these run with the integration specs. The rest of
 * src/import/wordpress/content.ts is in tests/unit/wordpressContent.spec.ts.
 */

type Node = { type: string; tag?: string; children?: Node[]; text?: string; fields?: Record<string, unknown>; value?: unknown }
const topLevel = (content: LexicalDocument) => content.root.children as unknown as Node[]
const textOf = (node: Node): string => (node.text ?? '') + (node.children ?? []).map(textOf).join('')
const allNodes = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...allNodes(n.children ?? [])])

describe('WordPress import', () => {
  describe('content', () => {
    let editorConfig: SanitizedServerEditorConfig
    const missing: string[] = []
    const resolveImage = async (image: ContentImage) => {
      if (image.attachmentId === '30') return 'media-30'
      missing.push(image.src)
      return null
    }
    const resolveLink = (url: string) => (url === 'https://gazette.example/2024/03/storm-warning/' ? { relationTo: 'articles' as const, value: 'article-102' } : null)

    beforeAll(async () => {
      await preloadLexical()
      const config = await (await import('@payload-config')).default
      const field = config.collections.find((c) => c.slug === 'articles')?.fields.find((f) => 'name' in f && f.name === 'content')
      editorConfig = editorConfigFactory.fromField({ field: field as RichTextField })
    })

    const convert = async (item: WxrItem) => convertContent({ html: item.content, editorConfig, itemId: item.id, resolveImage, resolveLink })

    it('converts classic content: paragraphs from blank lines, formatting, captions, oEmbed lines, lists, quotes and links', async () => {
      const { content, unrepresentable, images } = await convert(itemById(await readAll('newsroom.xml'), '101'))
      const nodes = topLevel(content)
      expect(nodes.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'upload', 'block', 'heading', 'list', 'quote', 'paragraph', 'paragraph', 'paragraph', 'paragraph'])
      expect(textOf(nodes[1] as Node)).toBe('Crossings start earlier on weekdays and later at weekends.')
      const formats = (nodes[1]?.children ?? []).map((n) => [n.text, (n as { format?: number }).format])
      expect(formats).toContainEqual(['earlier', 1])
      expect(formats).toContainEqual(['later', 2])
      // [caption] around a resized copy of attachment 30: the attachment's upload, with the caption.
      expect(nodes[2]).toMatchObject({ type: 'upload', relationTo: 'media', value: 'media-30', fields: { caption: 'The first boat leaves at six.' } })
      expect(nodes[3]?.fields).toMatchObject({ blockType: 'videoEmbed', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' })
      expect(nodes[4]).toMatchObject({ type: 'heading', tag: 'h2' })
      const links = allNodes(nodes).filter((n) => n.type === 'link')
      // A link to another imported post becomes an internal link; others stay as they were.
      expect(links[0]?.fields).toMatchObject({ linkType: 'internal', doc: { relationTo: 'articles', value: 'article-102' } })
      expect(links[1]?.fields).toMatchObject({ linkType: 'custom', url: 'https://elsewhere.example/report' })
      // The image that cannot be had keeps a link to where it was.
      expect(missing).toContain('https://gazette.example/wp-content/uploads/2024/03/missing-chart.png')
      expect(links[2]?.fields).toMatchObject({ url: 'https://gazette.example/wp-content/uploads/2024/03/missing-chart.png' })
      expect(textOf(links[2] as Node)).toBe('Passenger numbers by month')
      // The table has no Byline equivalent: its text stays, and it is counted.
      expect(nodes.slice(-2).map(textOf)).toEqual(['Route | Minutes', 'North | 40'])
      expect(unrepresentable).toEqual({ table: 1 })
      expect(images).toBe(1)
    })

    it('converts block (Gutenberg) content: image with caption, pull quote, Vimeo embed, headings, ordered list', async () => {
      const { content, unrepresentable } = await convert(itemById(await readAll('newsroom.xml'), '102'))
      const nodes = topLevel(content)
      expect(nodes.map((n) => n.type)).toEqual(['paragraph', 'upload', 'block', 'block', 'heading', 'list', 'paragraph', 'paragraph'])
      expect(nodes[1]).toMatchObject({ value: 'media-30', fields: { caption: 'Calm before the storm.' } })
      expect(nodes[2]?.fields).toMatchObject({ blockType: 'pullQuote', quote: 'Stay off the breakwater.', attribution: 'Harbour master' })
      expect(nodes[3]?.fields).toMatchObject({ blockType: 'videoEmbed', url: 'https://vimeo.com/123456789', title: "Last year's storm" })
      expect(nodes[4]).toMatchObject({ tag: 'h3' })
      expect(nodes[5]).toMatchObject({ listType: 'number' })
      // The map iframe is kept as a link with its title, and counted.
      expect(textOf(nodes[7] as Node)).toBe('Storm map')
      expect(unrepresentable).toEqual({ iframe: 1 })
      // Block ids derive from the item, so a re-import of the same source gives the same blocks.
      const again = topLevel((await convert(itemById(await readAll('newsroom.xml'), '102'))).content)
      expect(again.filter((n) => n.type === 'block')).toEqual(nodes.filter((n) => n.type === 'block'))
    })

    it('keeps unknown shortcodes as text and counts them; refuses javascript: links by keeping their text', async () => {
      const item = { ...itemById(await readAll('newsroom.xml'), '103'), content: 'Photos: [gallery ids="1,2"]\n\nClick <a href="javascript:alert(1)">here</a>.' }
      const { content, unrepresentable } = await convert(item)
      expect(topLevel(content).map(textOf)).toEqual(['Photos: [gallery ids="1,2"]', 'Click here.'])
      expect(allNodes(topLevel(content)).some((n) => n.type === 'link')).toBe(false)
      expect(unrepresentable).toEqual({ '[gallery] shortcode': 1, 'unsafe link': 1 })
    })

    it('puts a reusable block’s content where a post uses it, and counts what Gutenberg drew itself or the export lacks', async () => {
      const blocks = new Map([['900', '<!-- wp:paragraph --><p>Support local news: donate today.</p><!-- /wp:paragraph -->']])
      const html = [
        '<!-- wp:paragraph --><p>Before.</p><!-- /wp:paragraph -->',
        '<!-- wp:block {"ref":900} /-->',
        '<!-- wp:block {"ref":901} /-->',
        '<!-- wp:latest-posts {"postsToShow":3} /-->',
        '<!-- wp:html --><div><button>Subscribe</button></div><!-- /wp:html -->',
        '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Nobody said it.</p></blockquote></figure><!-- /wp:pullquote -->',
      ].join('\n')
      const inlined = inlineReusableBlocks(html, blocks)
      expect(inlined).toContain('Support local news: donate today.')
      const { content, unrepresentable } = await convert({ ...itemById(await readAll('newsroom.xml'), '103'), content: inlined })
      expect(topLevel(content).map(textOf)).toEqual(['Before.', 'Support local news: donate today.', 'Subscribe', 'Nobody said it.'])
      expect(unrepresentable).toEqual({
        'reusable block not in the export': 1,
        '"latest-posts" block (WordPress drew it when the page was shown)': 1,
        'custom HTML block (kept as its text)': 1,
        'pull quote kept as a quote (no attribution, or too long)': 1,
      })
    })
  })
})
