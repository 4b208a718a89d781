import { describe, expect, it } from 'vitest'

describe('Comment display', () => {
  it('splits paragraphs and lines and finds URLs, leaving markup as text', async () => {
    const { commentParagraphs } = await import('@/comments/text')
    expect(commentParagraphs('<b>hi</b> see https://example.org/a.\nnext line\n\n\nwww.example.net')).toEqual([
      [
        [
          { kind: 'text', text: '<b>hi</b> see ' },
          { kind: 'link', text: 'https://example.org/a', href: 'https://example.org/a' },
          { kind: 'text', text: '.' },
        ],
        [{ kind: 'text', text: 'next line' }],
      ],
      [[{ kind: 'link', text: 'www.example.net', href: 'https://www.example.net' }]],
    ])
  })
})
