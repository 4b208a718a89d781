import { describe, expect, it } from 'vitest'

import { collectReferences, fillReferences } from '@/lib/richTextReferences'

const text = (value: string) => ({ type: 'text', text: value, format: 0, version: 1 })
const link = (relationTo: string, value: string) => ({ type: 'link', version: 3, fields: { linkType: 'internal', newTab: false, doc: { relationTo, value } }, children: [text('a link')] })

/** A body with every kind of reference the article editor can insert. */
const body = () => ({
  root: {
    type: 'root',
    children: [
      { type: 'paragraph', children: [text('See '), link('articles', 'art-1'), text(' and '), link('cast', 'cast-1'), link('articles', 'art-draft')] },
      { type: 'paragraph', children: [{ type: 'link', fields: { linkType: 'custom', url: 'https://example.org' }, children: [text('outside')] }] },
      { type: 'upload', relationTo: 'media', value: 'img-1', fields: { caption: 'A still' } },
      { type: 'block', fields: { blockType: 'castSpotlight', heading: 'The leads', castMembers: ['cast-1', 'cast-2'] } },
      { type: 'block', fields: { blockType: 'pullQuote', quote: 'Hello', attribution: 'Someone', castMember: 'cast-2' } },
      { type: 'block', fields: { blockType: 'videoEmbed', url: 'https://www.youtube.com/watch?v=abc' } },
      { type: 'list', children: [{ type: 'listitem', children: [link('authors', 'author-1')] }] },
    ],
  },
})

describe('Rich-text references', () => {
  it('collects every referenced id once, per collection, from links, uploads and block relations', () => {
    expect(collectReferences(body())).toEqual({
      articles: ['art-1', 'art-draft'],
      authors: ['author-1'],
      cast: ['cast-1', 'cast-2'],
      media: ['img-1'],
    })
  })

  it('finds nothing in an empty body or no body', () => {
    const none = { articles: [], authors: [], cast: [], media: [] }
    expect(collectReferences(null)).toEqual(none)
    expect(collectReferences({ root: { type: 'root', children: [] } })).toEqual(none)
  })

  it('fills in the documents it was given and leaves unknown ones as ids, as Payload does for what a reader may not see', () => {
    const original = body()
    const cast1 = { id: 'cast-1', slug: 'joe', name: 'Joe' }
    const cast2 = { id: 'cast-2', slug: 'kit', name: 'Kit' }
    const filled = fillReferences(original, {
      articles: new Map([['art-1', { id: 'art-1', slug: 'story', category: { slug: 'news' } }]]),
      authors: new Map([['author-1', { id: 'author-1', slug: 'ellis' }]]),
      cast: new Map([
        ['cast-1', cast1],
        ['cast-2', cast2],
      ]),
      media: new Map([['img-1', { id: 'img-1', filename: 'still.png' }]]),
    })
    const [first, second, upload, spotlight, quote, video, list] = filled.root.children as any[]
    expect(first.children[1].fields.doc.value).toEqual({ id: 'art-1', slug: 'story', category: { slug: 'news' } })
    expect(first.children[3].fields.doc.value).toBe(cast1)
    // An unpublished article never came back from the public read: its link stays an id.
    expect(first.children[4].fields.doc.value).toBe('art-draft')
    expect(second).toEqual(original.root.children[1])
    expect(upload.value).toEqual({ id: 'img-1', filename: 'still.png' })
    expect(upload.fields).toEqual({ caption: 'A still' })
    expect(spotlight.fields.castMembers).toEqual([cast1, cast2])
    expect(spotlight.fields.heading).toBe('The leads')
    expect(quote.fields.castMember).toBe(cast2)
    expect(video.fields).toEqual(original.root.children[5]?.fields)
    expect(list.children[0].children[0].fields.doc.value).toEqual({ id: 'author-1', slug: 'ellis' })
    // The stored body is left as it was.
    expect(original).toEqual(body())
  })
})
