import { describe, expect, it } from 'vitest'

import type { TextPart } from '@/search/highlight'

import { articleSearchText } from '@/articles/searchText'
import { parseSearchQuery, searchWords } from '@/search/query'
import { highlight, snippet, SNIPPET_LENGTH } from '@/search/highlight'
import { SEARCH_MAX_WORD_LENGTH, SEARCH_MAX_WORDS, searchTerms, stem } from '@/search/terms'

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

describe('Search terms', () => {
  it('folds case and accents and keeps what was typed between spaces', () => {
    expect(searchTerms('Café  RUNNING, snake_case 50% See-Saw')).toEqual(['cafe', 'running,', 'snake_case', '50%', 'see-saw'])
  })

  it('has no words for punctuation alone', () => {
    expect(searchTerms('%  _ \\ "*" : -')).toEqual([])
  })

  it(`keeps at most ${SEARCH_MAX_WORDS} distinct words, each cut to ${SEARCH_MAX_WORD_LENGTH} characters`, () => {
    expect(searchTerms('a a b c d e f g h i j')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])
    expect(searchTerms('x'.repeat(100))).toEqual(['x'.repeat(SEARCH_MAX_WORD_LENGTH)])
  })

  it.each([
    ['running', 'runs'],
    ['stories', 'story'],
    ['hoping', 'hopes'],
    ['stopped', 'stop'],
    ['classes', 'class'],
    ["Netflix's", 'netflix'],
  ])('gives %s and %s one stem', (a, b) => {
    expect(stem(a)).toBe(stem(b))
  })

  it('keeps different words apart', () => {
    expect(stem('running')).not.toBe(stem('ruin'))
    expect(stem('glass')).not.toBe(stem('gla'))
  })
})

describe('Search highlighting', () => {
  const marked = (parts: TextPart[] | null) => (parts ?? []).filter((part) => part.mark).map((part) => part.text)
  const joined = (parts: TextPart[] | null) => (parts ?? []).map((part) => part.text).join('')

  it('marks every matched word, other forms and any case, and keeps the text whole', () => {
    const text = 'She runs; the Runner RAN a run. Running!'
    const parts = highlight(text, searchTerms('running'))
    expect(marked(parts)).toEqual(['runs', 'run', 'Running'])
    expect(joined(parts)).toBe(text)
  })

  it('marks each word of a term typed with punctuation', () => {
    expect(marked(highlight('Made by See-Saw Films.', searchTerms('see-saw films')))).toEqual(['See', 'Saw', 'Films'])
  })

  it('marks a word typed without its accent', () => {
    expect(marked(highlight('Le Café du port', searchTerms('cafe')))).toEqual(['Café'])
  })

  it('leaves markup as text, for React to escape', () => {
    const parts = highlight('<script>alert(1)</script> alert', ['alert'])
    expect(parts).toEqual([
      { text: '<script>', mark: false },
      { text: 'alert', mark: true },
      { text: '(1)</script> ', mark: false },
      { text: 'alert', mark: true },
    ])
  })

  it('marks nothing for no words', () => {
    expect(highlight('Some text', [])).toEqual([{ text: 'Some text', mark: false }])
  })

  describe('snippet', () => {
    const long = `${'Before the story begins. '.repeat(20)}The keeper runs the lighthouse. ${'After it all ends. '.repeat(20)}`

    it('shows the body around its first match, cut at spaces, with ellipses where cut', () => {
      const parts = snippet(long, searchTerms('running'))
      const text = joined(parts)
      expect(marked(parts)).toEqual(['runs'])
      expect(text.startsWith('… ')).toBe(true)
      expect(text.endsWith(' …')).toBe(true)
      expect(text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 4)
      expect(text).toMatch(/^… \S/)
      expect(long).toContain(text.slice(2, -2))
    })

    it('shows a short body whole', () => {
      expect(joined(snippet('The keeper runs.', ['run']))).toBe('The keeper runs.')
    })

    it('is null when the body does not match', () => {
      expect(snippet(long, ['zeppelin'])).toBeNull()
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
