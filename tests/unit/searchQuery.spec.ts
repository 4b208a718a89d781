import { describe, expect, it } from 'vitest'

import { articleSearchText } from '@/articles/searchText'
import { parseSearchQuery, searchWords } from '@/search/query'

describe('Search', () => {
  describe('searchWords', () => {
    it('gives each distinct word once', () => {
      expect(searchWords('Kent  kent KENT rugby')).toEqual(['kent', 'rugby'])
    })

    // SQL LIKE reads % and _ as wildcards; stored text and query words both carry them as literals.
    it.each(['%', '_', '\\'])('never passes %s to the database as it is', (special) => {
      const [word] = searchWords(`a${special}b`)
      expect(word).not.toContain(special)
      expect(articleSearchText({ title: `a${special}b` })).toBe(word)
    })
  })
})

describe('parseSearchQuery', () => {
  it.each([
    ['absent', undefined, ''],
    ['blank', '   ', ''],
    ['padded, with runs of whitespace', '  heartstopper \n  season ', 'heartstopper season'],
    ['repeated (the first wins)', ['kent', 'rugby'], 'kent'],
    ['too long (cut to 100 characters)', 'a'.repeat(150), 'a'.repeat(100)],
  ])('reads a query that is %s', (_, raw, expected) => {
    expect(parseSearchQuery(raw)).toBe(expected)
  })
})
