import { describe, expect, it } from 'vitest'

import { articleSearchText } from '@/articles/searchText'
import { searchWords } from '@/search/query'

/** The rule the database applies: every query word occurs in the stored text (`like`, a contains test). */
const matches = (text: string, query: string) => {
  const words = searchWords(query)
  return words.length > 0 && words.every((word) => text.includes(word))
}

describe('Search', () => {
  describe('articleSearchText', () => {
    const content = { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Café scenes were filmed nearby.' }] }] } }
    const text = articleSearchText({ title: 'Netflix’s Heartstopper', excerpt: 'It arrived in Kent.', content })

    it.each([
      ['every word, in any order and case', 'KENT heartstopper', true],
      ['words from the title, the excerpt and the body together', 'netflix kent nearby', true],
      ['a typed apostrophe against a typographic one', "netflix's", true],
      ['a word without its accent', 'cafe', true],
      ['a word with an accent the text lacks', 'kënt', true],
      ['a missing word', 'kent rugby', false],
      ['nothing at all', '', false],
    ])('matches %s: %s', (_, query, expected) => {
      expect(matches(text, query)).toBe(expected)
    })

    it('is empty for an article with no text yet', () => {
      expect(articleSearchText({ title: null, excerpt: null, content: null })).toBe('')
    })
  })
})
