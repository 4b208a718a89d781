import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'

import { escapeXml, renderRss } from '@/lib/rss'

describe('RSS', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml('Fish & <Chips> "quoted" it’s\u0007')).toBe('Fish &amp; &lt;Chips&gt; &quot;quoted&quot; it’s')
  })

  it('renders a well-formed RSS 2.0 document with every item field', () => {
    const xml = renderRss({
      title: 'Byline & co',
      link: 'https://news.example.com/',
      self: 'https://news.example.com/feed.xml',
      description: 'News',
      items: [
        {
          title: 'Release date & more <soon>',
          link: 'https://news.example.com/entertainment/a?x=1&y=2',
          description: 'An excerpt',
          publishedAt: '2026-01-02T03:04:05.000Z',
          authors: ['Ellis Marlowe'],
          categories: ['Entertainment'],
        },
        { title: 'No date', link: 'https://news.example.com/b', description: null, publishedAt: null, authors: [], categories: [] },
      ],
    })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<title>Release date &amp; more &lt;soon&gt;</title>')
    expect(xml).toContain('<guid isPermaLink="true">https://news.example.com/entertainment/a?x=1&amp;y=2</guid>')
    expect(xml).toContain('<pubDate>Fri, 02 Jan 2026 03:04:05 GMT</pubDate>')
    expect(xml).toContain('<dc:creator>Ellis Marlowe</dc:creator>')
    expect(xml).toContain('<category>Entertainment</category>')
    expect(xml).toContain('<lastBuildDate>Fri, 02 Jan 2026 03:04:05 GMT</lastBuildDate>')
  })
})
