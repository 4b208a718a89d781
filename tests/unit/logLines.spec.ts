import { describe, expect, it } from 'vitest'

import { MAX_TAG_LENGTH, tag } from '@/cache/tags'
import { forLog } from '@/productionServer/logText'
import { isImpossiblePath, MAX_SEGMENT_CHARS } from '@/productionServer/requestKinds'

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

  it('goes into the server’s log lines cut to its start and its length', () => {
    const line = forLog(`/news/${LONG_SLUG}`)
    expect(line.length).toBeLessThan(300)
    expect(line).toContain('(10006 characters)')
    expect(forLog('/news/short')).toBe('/news/short')
  })
})

describe('An address no page can have', () => {
  it('is answered by the server itself, so Next never tries to cache it under a file name too long to exist', () => {
    expect(isImpossiblePath(`/news/${LONG_SLUG}`)).toBe(true)
    expect(isImpossiblePath(`/${LONG_SLUG}`)).toBe(true)
    expect(isImpossiblePath(`/authors/${'%C3%A9'.repeat(MAX_SEGMENT_CHARS)}`)).toBe(true)
  })

  it('leaves every real address to Next, the longest slug percent-encoded and long queries included', () => {
    const longestSlug = 'x'.repeat(96)
    expect(isImpossiblePath(`/entertainment/${longestSlug}`)).toBe(false)
    expect(isImpossiblePath(`/entertainment/${encodeURIComponent('é'.repeat(48))}`)).toBe(false)
    expect(isImpossiblePath(`/search?q=${'a'.repeat(5_000)}`)).toBe(false)
    expect(isImpossiblePath('/')).toBe(false)
  })
})
