import { describe, expect, it } from 'vitest'

import type { TextPart } from '@/search/highlight'

import { highlight, snippet, SNIPPET_LENGTH } from '@/search/highlight'
import { searchTerms } from '@/search/terms'

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
