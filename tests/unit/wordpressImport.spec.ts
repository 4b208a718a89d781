import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { RichTextField } from 'payload'

import { editorConfigFactory } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

import type { ContentImage, LexicalDocument } from '@/import/wordpress/content'
import type { WxrItem, WxrRecord } from '@/import/wordpress/wxr'

import { autop, convertContent, inlineReusableBlocks } from '@/import/wordpress/content'
import {
  bylineSlug,
  categoryPaths,
  chooseCategory,
  commentStatus,
  commentText,
  decodeEntities,
  isLinkNotice,
  basePath,
  oldAddresses,
  originalImageUrl,
  planPost,
  siteKey,
  threadOrder,
  uploadsPath,
  wordpressDate,
} from '@/import/wordpress/map'
import { isPublicAddress, resolvesToPublic } from '@/import/wordpress/publicAddress'
import { messages, readWxr, WxrError } from '@/import/wordpress/wxr'
import { preloadLexical } from '@/lib/preloadLexical'

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures/wordpress', name)

async function readAll(name: string): Promise<WxrRecord[]> {
  const records: WxrRecord[] = []
  for await (const record of readWxr(fixture(name))) records.push(record)
  return records
}

const items = (records: WxrRecord[]) => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []))
const itemById = (records: WxrRecord[], id: string) => {
  const item = items(records).find((i) => i.id === id)
  if (!item) throw new Error(`no item ${id} in the fixture`)
  return item
}

type Node = { type: string; tag?: string; children?: Node[]; text?: string; fields?: Record<string, unknown>; value?: unknown }
const topLevel = (content: LexicalDocument) => content.root.children as unknown as Node[]
const textOf = (node: Node): string => (node.text ?? '') + (node.children ?? []).map(textOf).join('')
const allNodes = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...allNodes(n.children ?? [])])

describe('WordPress import', () => {
  describe('reading an export (WXR)', () => {
    it('streams a WordPress 1.2 export with the http namespace: site, authors, terms, then items with their comments', async () => {
      const records = await readAll('newsroom.xml')
      expect(records[0]).toEqual({ kind: 'site', site: { title: 'The Harbour Gazette', link: 'https://gazette.example', baseUrl: 'https://gazette.example', version: '1.2' } })
      expect(records.filter((r) => r.kind === 'author').map((r) => r.kind === 'author' && r.author.login)).toEqual(['mara', 'tom.b'])
      expect(records.filter((r) => r.kind === 'category').map((r) => r.kind === 'category' && r.term.slug)).toEqual(['news', 'harbour-news', 'opinion'])
      // Tags from <wp:tag>; the nav_menu <wp:term> is no tag.
      expect(records.filter((r) => r.kind === 'tag').map((r) => r.kind === 'tag' && r.term.slug)).toEqual(['ferries', 'weather'])
      const ferry = itemById(records, '101')
      expect(ferry).toMatchObject({ type: 'post', status: 'publish', slug: 'ferry-timetable', sticky: true, commentStatus: 'open', dateGmt: '2024-03-01 09:00:00' })
      expect(ferry.meta).toMatchObject({ _thumbnail_id: '30', _yoast_wpseo_primary_category: '7' })
      expect(ferry.comments.map((c) => c.id)).toEqual(['501', '503', '502', '504', '505', '506', '507'])
      // CDATA keeps the classic editor's blank-line paragraphs.
      expect(ferry.content).toContain('spring timetable.\n\nCrossings')
    })

    it('reads a WordPress.com export whose namespaces use https (WXR 1.1)', async () => {
      const records = await readAll('wordpress-com.xml')
      expect(records[0]).toMatchObject({ kind: 'site', site: { version: '1.1', baseUrl: 'https://islandnotes.example' } })
      const [post] = items(records)
      expect(post).toMatchObject({ id: '9', type: 'post', status: 'publish', creator: 'islander', excerpt: '' })
      expect(post?.content).toBe('First post &amp; <em>welcome</em>.')
    })

    it.each([
      ['not-xml.txt', /not well-formed XML/],
      ['not-wxr.xml', new RegExp(messages.notWxr.replace(/[()<>]/g, '.'))],
      ['truncated.xml', /truncated/],
      ['latin1.xml', /UTF-8/],
    ])('refuses %s with one clear line', async (name, message) => {
      const error = await readAll(name).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(WxrError)
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).not.toContain('\n')
    })
  })

  describe('mapping rules', () => {
    it('spells a slug in another alphabet, which WordPress stores percent-encoded, in Latin letters', () => {
      expect(bylineSlug('%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82-%d0%bc%d0%b8%d1%80', 'Привет, мир')).toBe('privet-mir')
      expect(bylineSlug('%CE%BA%CE%B1%CE%BB%CE%B7%CE%BC%CE%AD%CF%81%CE%B1', 'Καλημέρα')).toBe('kalimera')
      // An alphabet with no one Latin spelling: the item's kind and id, never its escapes' hex digits.
      expect(bylineSlug('%e4%bd%a0%e5%a5%bd', '你好', 'post-12')).toBe('post-12')
      expect(bylineSlug('%zz-broken', 'Broken')).toBe('zz-broken')
    })

    it.each([
      ['publish', { status: 'published', review: null, scheduleAt: null }],
      ['draft', { status: 'draft', review: null, scheduleAt: null }],
      ['pending', { status: 'draft', review: 'submitted', scheduleAt: null }],
      ['private', { status: 'draft', review: null, scheduleAt: null }],
      ['future', { status: 'draft', review: null, scheduleAt: '2031-06-01T08:00:00.000Z' }],
    ])('maps the post status %s', (status, expected) => {
      expect(planPost({ status, date: '2031-06-01 09:00:00', dateGmt: '2031-06-01 08:00:00', password: '' })).toMatchObject(expected)
    })

    it('skips trashed posts with a reason', () => {
      expect(planPost({ status: 'trash', date: '', dateGmt: '', password: '' })).toEqual({ skip: 'in the WordPress trash' })
    })

    it.each(['publish', 'future'])('keeps a password-protected %s post private: a draft, with a note saying why', (status) => {
      const plan = planPost({ status, date: '2024-05-01 09:00:00', dateGmt: '2024-05-01 08:00:00', password: 'members2008' })
      expect(plan).toMatchObject({ status: 'draft', scheduleAt: null, publishedAt: '2024-05-01T08:00:00.000Z', note: expect.stringMatching(/password-protected.*draft/) })
    })

    it('reads a WXR 1.0 export, whose tags are spelled domain="tag", and its post passwords', async () => {
      const records = await readAll('wxr-1.0.xml')
      const open = itemById(records, '7')
      expect(chooseCategory(open, new Map([['news', 'news']]))).toMatchObject({ category: 'news', tags: ['harbour'] })
      expect(open.password).toBe('')
      expect(itemById(records, '8').password).toBe('members2008')
      expect(planPost(itemById(records, '8'))).toMatchObject({ status: 'draft' })
    })

    it('reads dates from the GMT column, falling back to the local one when a draft has none', () => {
      expect(wordpressDate({ dateGmt: '2024-03-01 09:00:00', date: '2024-03-01 10:00:00' })).toBe('2024-03-01T09:00:00.000Z')
      expect(wordpressDate({ dateGmt: '0000-00-00 00:00:00', date: '2024-03-03 09:00:00' })).toBe('2024-03-03T09:00:00.000Z')
      expect(wordpressDate({ dateGmt: '', date: '' })).toBeNull()
    })

    it.each([
      ['1', 'approved'],
      ['0', 'pending'],
      ['spam', 'spam'],
      ['trash', 'trash'],
    ])('maps comment_approved %s to %s', (approved, status) => {
      expect(commentStatus(approved)).toBe(status)
    })

    it('treats pingbacks and trackbacks as notices, not comments', () => {
      expect(isLinkNotice({ type: 'pingback' })).toBe(true)
      expect(isLinkNotice({ type: 'trackback' })).toBe(true)
      expect(isLinkNotice({ type: 'comment' })).toBe(false)
      expect(isLinkNotice({ type: '' })).toBe(false)
    })

    it('orders a thread so that parents come before replies, whatever the export order', async () => {
      const ferry = itemById(await readAll('newsroom.xml'), '101')
      const order = threadOrder(ferry.comments).map((c) => c.id)
      expect(order.indexOf('501')).toBeLessThan(order.indexOf('502'))
      expect(order.indexOf('502')).toBeLessThan(order.indexOf('503'))
      expect(order).toHaveLength(ferry.comments.length)
    })

    it("picks Yoast's primary category and files the others as tags", async () => {
      const records = await readAll('newsroom.xml')
      const ids = new Map([['5', 'news'], ['7', 'harbour-news'], ['9', 'opinion']])
      expect(chooseCategory(itemById(records, '101'), ids)).toEqual({ category: 'harbour-news', extraCategories: ['news'], tags: ['ferries'] })
      // Without a primary category, the first listed leads.
      expect(chooseCategory(itemById(records, '102'), ids)).toEqual({ category: 'news', extraCategories: ['opinion'], tags: ['weather'] })
    })

    it('keeps category nesting as paths from the top', async () => {
      const records = await readAll('newsroom.xml')
      const terms = records.flatMap((r) => (r.kind === 'category' ? [r.term] : []))
      const paths = categoryPaths(terms)
      expect(paths.get('harbour-news')).toEqual(['news', 'harbour-news'])
      expect(paths.get('opinion')).toEqual(['opinion'])
    })

    it('knows a page tree from the parents in the export', async () => {
      const records = await readAll('newsroom.xml')
      expect(itemById(records, '202')).toMatchObject({ type: 'page', parent: '201', slug: 'contact' })
      expect(itemById(records, '201')).toMatchObject({ type: 'page', parent: '0', slug: 'about' })
    })

    it('finds an upload in the copied uploads folder by the path after /wp-content/uploads/', () => {
      expect(uploadsPath('https://gazette.example/wp-content/uploads/2024/03/harbour-dawn.png')).toBe('2024/03/harbour-dawn.png')
      expect(uploadsPath('https://cdn.example/images/photo%20one.jpg')).toBe('images/photo one.jpg')
      expect(uploadsPath('https://gazette.example/wp-content/uploads/../../etc/passwd')).toBe('etc/passwd')
      // Encoded dots are resolved by the URL itself, so no path ever climbs out of the folder.
      expect(uploadsPath('https://gazette.example/wp-content/uploads/a/%2e%2e/%2e%2e/secret.png')).toBe('wp-content/secret.png')
      expect(uploadsPath('https://gazette.example/wp-content/uploads/a/%252e%252e/x.png')).toBe('a/%2e%2e/x.png')
      expect(originalImageUrl('https://gazette.example/wp-content/uploads/2024/03/harbour-dawn-800x600.png')).toBe('https://gazette.example/wp-content/uploads/2024/03/harbour-dawn.png')
    })

    it('lists every old address WordPress answered for a post, page, category, tag, author and the feed', () => {
      expect(oldAddresses('').post({ id: '101', link: 'https://gazette.example/2024/03/ferry-timetable/' })).toEqual(['/2024/03/ferry-timetable/', '/?p=101'])
      expect(oldAddresses('').page({ id: '202', link: 'https://gazette.example/about/contact/' })).toEqual(['/about/contact/', '/?page_id=202', '/?p=202'])
      expect(oldAddresses('').category(['news', 'harbour-news'])).toEqual(['/category/news/harbour-news/', '/category/harbour-news/'])
      expect(oldAddresses('').tag('ferries')).toEqual(['/tag/ferries/'])
      expect(oldAddresses('').author('tom.b')).toEqual(['/author/tom-b/'])
      expect(oldAddresses('').feed()).toEqual(['/feed/'])
    })

    it('keeps the folder of a WordPress installed below the root in every old address', () => {
      const base = basePath({ baseUrl: 'http://old.example.org/blog/', link: 'http://old.example.org/blog' })
      expect(base).toBe('/blog')
      expect(basePath({ baseUrl: 'https://gazette.example', link: '' })).toBe('')
      const addresses = oldAddresses(base)
      expect(addresses.post({ id: '1', link: 'http://old.example.org/blog/2021/04/hello/' })).toEqual(['/blog/2021/04/hello/', '/blog/?p=1'])
      expect(addresses.category(['news'])).toEqual(['/blog/category/news/'])
      expect(addresses.author('jdoe')).toEqual(['/blog/author/jdoe/'])
      expect(addresses.feed()).toEqual(['/blog/feed/'])
      expect(addresses.categoryFeed(['news', 'local'])).toEqual(['/blog/category/news/local/feed/', '/blog/category/local/feed/'])
      expect(addresses.tagFeed('ferries')).toEqual(['/blog/tag/ferries/feed/'])
      expect(addresses.authorFeed('jdoe')).toEqual(['/blog/author/jdoe/feed/'])
    })

    it("keys a site by its address, so two sites' ids never meet", () => {
      expect(siteKey({ baseUrl: 'https://Gazette.example/', link: '' })).toBe('gazette.example')
      expect(siteKey({ baseUrl: 'https://example.com/blog/', link: '' })).toBe('example.com/blog')
    })

    it('turns comment HTML into plain text, keeping link addresses as text', () => {
      expect(commentText('Finally! <strong>Thank you</strong>. See <a href="https://ferries.example/spring">the site</a>.')).toBe(
        'Finally! Thank you. See the site (https://ferries.example/spring).',
      )
      expect(commentText('<p>One</p><p>Two<br>lines</p><script>alert(1)</script>')).toBe('One\n\nTwo\nlines')
      expect(decodeEntities('Harbour &amp; Docks &#8211; &#x2014;')).toBe('Harbour & Docks – —')
      // A reference to no character is read as browsers read it, instead of failing the post.
      expect(decodeEntities('Tide &#99999999; &#xD800; &#0; table')).toBe('Tide \ufffd \ufffd \ufffd table')
    })
  })

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

    it('wraps classic paragraphs as WordPress does, leaving block-level HTML alone', () => {
      expect(autop('One\nline two\n\n<h2>Title</h2>\n\nThree')).toBe('<p>One<br>\nline two</p>\n<h2>Title</h2>\n<p>Three</p>')
    })
  })

  describe('media fetched for the admin screen', () => {
    it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1'])(
      'refuses the private address %s',
      (address) => {
        expect(isPublicAddress(address)).toBe(false)
      },
    )

    it.each(['93.184.216.34', '172.32.0.1', '2606:4700::1111', '::ffff:93.184.216.34'])('allows the public address %s', (address) => {
      expect(isPublicAddress(address)).toBe(true)
    })

    it('checks the address a URL names, and refuses other schemes', async () => {
      expect(await resolvesToPublic('http://127.0.0.1/wp-content/uploads/a.png')).toBe(false)
      expect(await resolvesToPublic('http://[::1]/a.png')).toBe(false)
      expect(await resolvesToPublic('file:///etc/passwd')).toBe(false)
      expect(await resolvesToPublic('https://93.184.216.34/a.png')).toBe(true)
    })
  })
})
