import { describe, expect, it } from 'vitest'

import { messages, WxrError } from '@/import/wordpress/wxr'

import { itemById, items, readAll } from '../helpers/wordpressExports'

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
})
