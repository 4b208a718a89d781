import { describe, expect, it } from 'vitest'

import { countWords, readingMinutes } from '@/articles/readingTime'

const text = (words: string) => ({ type: 'text', text: words })

describe('Reading time', () => {
  describe('countWords', () => {
    it('counts the words of every text node, however deep, split on any whitespace', () => {
      const content = {
        root: {
          type: 'root',
          children: [
            { type: 'paragraph', children: [text('The  ferry\tleaves '), { type: 'link', children: [text('at six.')] }] },
            { type: 'list', children: [{ type: 'listitem', children: [text('Weekdays\nonly')] }] },
          ],
        },
      }
      expect(countWords(content)).toBe(7)
    })

    it('counts a pull quote’s text, and nothing else a block or an upload carries', () => {
      const content = {
        root: {
          children: [
            { type: 'block', fields: { blockType: 'pullQuote', quote: 'Stay off the breakwater.', attribution: 'Harbour master' } },
            { type: 'block', fields: { blockType: 'videoEmbed', url: 'https://vimeo.com/1', title: 'Last year’s storm' } },
            { type: 'upload', fields: { caption: 'The first boat leaves at six.' } },
          ],
        },
      }
      expect(countWords(content)).toBe(4)
    })

    it('is nought for no document, an empty one, or text of spaces alone', () => {
      expect(countWords(null)).toBe(0)
      expect(countWords(undefined)).toBe(0)
      expect(countWords({ root: { children: [] } })).toBe(0)
      expect(countWords({ root: { children: [text('   ')] } })).toBe(0)
    })
  })

  describe('readingMinutes', () => {
    it('rounds up at 220 words a minute, and says at least one minute', () => {
      expect([0, 1, 220, 221, 440, 441].map(readingMinutes)).toEqual([1, 1, 1, 2, 2, 3])
    })
  })
})
