import { describe, expect, it } from 'vitest'

import { MAX_TAG_LENGTH, tag } from '@/cache/tags'

/** Issue 22: a 10,000-character slug in a URL wrote 10 KB log lines. */
const LONG_SLUG = 'a'.repeat(10_000)

describe('A long slug in a URL', () => {
  it.each([
    ['article', tag.articleUrl],
    ['author', tag.authorUrl],
    ['cast member', tag.castUrl],
  ])('names its %s page with a tag Next accepts, so Next logs nothing about it', (_, tagFor) => {
    const long = tagFor(LONG_SLUG)
    expect(long.length).toBeLessThanOrEqual(MAX_TAG_LENGTH)
    // The page and the hook that expires it must agree, and two long slugs must not share a tag.
    expect(tagFor(LONG_SLUG)).toBe(long)
    expect(tagFor(`${LONG_SLUG}b`)).not.toBe(long)
  })

  it('keeps an ordinary slug readable in its tag', () => {
    expect(tag.articleUrl('everything-we-know')).toBe('article-url:everything-we-know')
    const longest = 'x'.repeat(MAX_TAG_LENGTH - 'article-url:'.length)
    expect(tag.articleUrl(longest)).toBe(`article-url:${longest}`)
  })
})
