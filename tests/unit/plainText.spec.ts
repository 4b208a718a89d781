import { describe, expect, it } from 'vitest'

import { plainText } from '@/articles/plainText'

describe('plainText', () => {
  const text = (value: string) => ({ type: 'text', text: value })
  it('joins inline text, puts paragraphs on their own lines and includes pull quotes', () => {
    const content = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [text('Heart'), text('stopper'), { type: 'link', children: [text(' returns')] }] },
          { type: 'block', fields: { blockType: 'pullQuote', quote: 'A story about friends.' } },
          { type: 'heading', tag: 'h2', children: [text('Release date')] },
        ],
      },
    }
    expect(plainText(content)).toBe('Heartstopper returns\nA story about friends.\nRelease date')
  })

  it('is empty for no content', () => {
    expect(plainText(null)).toBe('')
  })
})
