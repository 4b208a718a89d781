/**
 * RSS 2.0 as a string, from plain data: the feed routes gather articles, this only renders.
 * Pure so that escaping is unit-testable without a server.
 */

export type FeedItem = {
  title: string
  /** Absolute URL of the article; also its permanent guid. */
  link: string
  description: string | null
  publishedAt: string | null
  authors: string[]
  categories: string[]
}

type Feed = {
  title: string
  /** Absolute URL of the page the feed mirrors. */
  link: string
  /** Absolute URL of the feed itself (atom:link rel="self"). */
  self: string
  description: string
  items: FeedItem[]
}

// XML 1.0 forbids most control characters outright; pasted text can carry them, and one would
// make the whole feed unreadable.
const isXmlChar = (code: number) => code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff)

export function escapeXml(value: string): string {
  return Array.from(value)
    .filter((char) => isXmlChar(char.codePointAt(0) ?? 0))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const element = (name: string, value: string, attributes = '') => `<${name}${attributes}>${escapeXml(value)}</${name}>`

function renderItem(item: FeedItem): string {
  const lines = [
    element('title', item.title),
    element('link', item.link),
    element('guid', item.link, ' isPermaLink="true"'),
    item.description ? element('description', item.description) : null,
    item.publishedAt ? element('pubDate', new Date(item.publishedAt).toUTCString()) : null,
    ...item.authors.map((name) => element('dc:creator', name)),
    ...item.categories.map((name) => element('category', name)),
  ]
  return `    <item>\n${lines
    .filter((line) => line !== null)
    .map((line) => `      ${line}`)
    .join('\n')}\n    </item>`
}

export function renderRss(feed: Feed): string {
  const newest = feed.items.find((item) => item.publishedAt)?.publishedAt
  const channel = [
    element('title', feed.title),
    element('link', feed.link),
    element('description', feed.description),
    element('language', 'en'),
    `<atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>`,
    newest ? element('lastBuildDate', new Date(newest).toUTCString()) : null,
  ]
    .filter((line) => line !== null)
    .map((line) => `    ${line}`)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    ...channel,
    ...feed.items.map(renderItem),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
}
