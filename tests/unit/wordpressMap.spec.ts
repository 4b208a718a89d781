import { describe, expect, it } from 'vitest'

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

import { itemById, readAll } from '../helpers/wordpressExports'

describe('WordPress import', () => {
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
      expect(addresses.commentFeed({ link: 'http://old.example.org/blog/2021/04/hello/' })).toEqual(['/blog/2021/04/hello/feed/'])
      expect(addresses.attachment({ id: '7', link: 'http://old.example.org/blog/?attachment_id=7', slug: 'dawn', url: 'http://old.example.org/blog/wp-content/uploads/dawn.jpg' }, null)).toEqual([
        '/blog/?attachment_id=7',
        '/blog/wp-content/uploads/dawn.jpg',
      ])
    })

    it("names a post's comment feed under its permalink, with or without the permalink's last slash", () => {
      expect(oldAddresses('').commentFeed({ link: 'https://gazette.example/2024/03/ferry-timetable/' })).toEqual(['/2024/03/ferry-timetable/feed/'])
      expect(oldAddresses('').commentFeed({ link: 'https://gazette.example/2024/03/ferry-timetable' })).toEqual(['/2024/03/ferry-timetable/feed/'])
      // Without pretty permalinks the feed was /?p=101&feed=rss2, which the post's /?p=101 redirect matches.
      expect(oldAddresses('').commentFeed({ link: 'https://gazette.example/?p=101' })).toEqual([])
    })

    it("names an attachment's page by its link, its id and the post it was attached to, and its file", () => {
      const attachment = { id: '30', link: 'https://gazette.example/2024/03/ferry-timetable/harbour-dawn/', slug: 'harbour-dawn', url: 'https://gazette.example/wp-content/uploads/2024/03/harbour-dawn.png' }
      expect(oldAddresses('').attachment(attachment, 'https://gazette.example/2024/03/ferry-timetable/')).toEqual([
        '/2024/03/ferry-timetable/harbour-dawn/',
        '/?attachment_id=30',
        '/wp-content/uploads/2024/03/harbour-dawn.png',
      ])
      // Attached to nothing, and on a site without pretty permalinks: the id and the file.
      expect(oldAddresses('').attachment({ ...attachment, link: 'https://gazette.example/?attachment_id=30' }, 'https://gazette.example/?p=101')).toEqual([
        '/?attachment_id=30',
        '/wp-content/uploads/2024/03/harbour-dawn.png',
      ])
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
})
