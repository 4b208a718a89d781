import { describe, expect, it } from 'vitest'

import { RESERVED_SLUGS } from '@/lib/reservedSlugs'
import { slugify } from '@/lib/slugify'
import { categories } from '@/seed/data'

describe('RESERVED_SLUGS', () => {
  it.each([
    // Payload's admin panel and API
    'admin',
    'api',
    // Next.js assets
    '_next',
    'next',
    // the reader site's own top-level routes
    'authors',
    'cast',
    'search',
    'preview',
    'media',
    // where next.config.ts rewrites a listing's ?page=N and a commenter's own view
    'rewrite-target',
    // feeds and crawler files
    'feed',
    'feed.xml',
    'rss',
    'sitemap.xml',
    'robots.txt',
    'favicon.ico',
  ])('keeps /%s from categories', (segment) => {
    expect(RESERVED_SLUGS.has(segment)).toBe(true)
  })

  it('is written in lower case, the only case a slug can take', () => {
    for (const segment of RESERVED_SLUGS) expect(segment).toBe(segment.toLowerCase())
  })

  it('reserves whatever a reserved name turns into as a slug, so typing it differently does not get round it', () => {
    for (const segment of RESERVED_SLUGS) {
      const slug = slugify(segment)
      // A file name such as feed.xml becomes feed-xml, which cannot shadow /feed.xml.
      if (segment.includes('.')) expect(slug).not.toBe(segment)
      else expect(RESERVED_SLUGS.has(slug), `${segment} → ${slug}`).toBe(true)
    }
  })

  it('leaves every demo category free', () => {
    for (const { slug } of categories) expect(RESERVED_SLUGS.has(slug), slug).toBe(false)
  })
})
