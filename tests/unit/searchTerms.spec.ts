import { describe, expect, it } from 'vitest'

import { SEARCH_MAX_WORD_LENGTH, SEARCH_MAX_WORDS, searchTerms, stem } from '@/search/terms'

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
