import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { readSignedTags } from '@/cache/expire'
import { articleTags, commentTags, pageTags } from '@/cache/hooks'
import { tag } from '@/cache/tags'

const published = { id: 'a1', slug: 'new-slug', _status: 'published', category: 'c1', authors: ['au1', { id: 'au2' }], cast: ['k1'] }

describe('article changes expire the pages that showed or now show the article', () => {
  it('publishing expires its page, its URL, the latest list, its category, authors, cast and the sitemap', () => {
    expect(new Set(articleTags(published, { ...published, _status: 'draft' }))).toEqual(
      new Set([
        tag.article('a1'),
        tag.articleUrl('new-slug'),
        tag.latest,
        tag.sitemap,
        tag.inCategory('c1'),
        tag.byAuthor('au1'),
        tag.byAuthor('au2'),
        tag.featuringCast('k1'),
      ]),
    )
  })

  it('moving an article expires the lists it left as well as the ones it joined, and its old URL', () => {
    const before = { ...published, slug: 'old-slug', category: 'c0', authors: ['au0'], cast: [] }
    const tags = articleTags(published, before)
    for (const expected of [tag.articleUrl('old-slug'), tag.inCategory('c0'), tag.byAuthor('au0'), tag.articleUrl('new-slug'), tag.inCategory('c1')]) {
      expect(tags).toContain(expected)
    }
  })

  it('unpublishing expires everything the published version was on', () => {
    const tags = articleTags({ ...published, _status: 'draft' }, published)
    expect(tags).toContain(tag.article('a1'))
    expect(tags).toContain(tag.inCategory('c1'))
    expect(tags).toContain(tag.latest)
  })

  it('saving a draft of an article that was never published changes nothing public', () => {
    expect(articleTags({ ...published, _status: 'draft' }, { ...published, _status: 'draft' })).toEqual([])
  })

  it('retagging expires the tag listings it left as well as the ones it joined', () => {
    const tags = articleTags({ ...published, tags: ['t2', { id: 't3' }] }, { ...published, tags: ['t1', 't2'] })
    for (const expected of ['t1', 't2', 't3'].map(tag.taggedWith)) expect(tags).toContain(expected)
  })

  it('featuring or unfeaturing expires the home page lead, and nothing else does', () => {
    expect(articleTags({ ...published, featured: true }, published)).toContain(tag.featured)
    expect(articleTags(published, { ...published, featured: true })).toContain(tag.featured)
    expect(articleTags(published, published)).not.toContain(tag.featured)
  })
})

describe('page changes expire the page under its old and new address', () => {
  const page = { id: 'p1', slug: 'about', _status: 'published' }

  it('publishing, moving and unpublishing a page', () => {
    expect(new Set(pageTags({ ...page, slug: 'about-us' }, page))).toEqual(new Set([tag.page('p1'), tag.pageUrl('about'), tag.pageUrl('about-us'), tag.sitemap]))
    expect(pageTags({ ...page, _status: 'draft' }, page)).toContain(tag.pageUrl('about'))
  })

  it('saving a draft of a page that was never published changes nothing public', () => {
    expect(pageTags({ ...page, _status: 'draft' }, { ...page, _status: 'draft' })).toEqual([])
  })
})

describe('comment changes expire the article thread only when the public thread changes', () => {
  it('approving, unapproving and deleting an approved comment expire its article', () => {
    expect(commentTags({ article: 'a1', status: 'approved' }, { article: 'a1', status: 'pending' })).toEqual([tag.comments('a1')])
    expect(commentTags({ article: { id: 'a1' }, status: 'spam' }, { article: 'a1', status: 'approved' })).toEqual([tag.comments('a1')])
    expect(commentTags({ article: 'a1', status: 'approved' })).toEqual([tag.comments('a1')])
  })

  it('a held comment moving to spam or trash leaves the cached page alone', () => {
    expect(commentTags({ article: 'a1', status: 'spam' }, { article: 'a1', status: 'pending' })).toEqual([])
    expect(commentTags({ article: 'a1', status: 'pending' })).toEqual([])
  })
})

describe('signed expiry requests from background processes', () => {
  const secret = 'x'.repeat(32)
  const sign = (body: string, key = secret) => createHmac('sha256', `byline-revalidate:${key}`).update(body).digest('base64url')
  const now = 1_800_000_000_000
  const body = JSON.stringify({ tags: ['list:latest', 'articles:a1'], at: now - 1_000 })

  it('accepts a fresh request signed with the server secret', () => {
    expect(readSignedTags({ body, signature: sign(body), secret, now })).toEqual(['list:latest', 'articles:a1'])
  })

  it('refuses a missing, forged or tampered signature', () => {
    expect(readSignedTags({ body, signature: null, secret, now })).toBeNull()
    expect(readSignedTags({ body, signature: sign(body, 'y'.repeat(32)), secret, now })).toBeNull()
    const tampered = body.replace('a1', 'a2')
    expect(readSignedTags({ body: tampered, signature: sign(body), secret, now })).toBeNull()
  })

  it('refuses a replay older than a minute and a malformed body', () => {
    const old = JSON.stringify({ tags: ['list:latest'], at: now - 120_000 })
    expect(readSignedTags({ body: old, signature: sign(old), secret, now })).toBeNull()
    const malformed = JSON.stringify({ tags: [42], at: now })
    expect(readSignedTags({ body: malformed, signature: sign(malformed), secret, now })).toBeNull()
  })
})
