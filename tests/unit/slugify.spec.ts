import { describe, expect, it } from 'vitest'

import { slugify, SLUG_PATTERN } from '@/lib/slugify'

describe('slugify', () => {
  it.each([
    ['Hello World', 'hello-world'],
    ['Everything We Know About Heartstopper Season 2 (Release date & more)', 'everything-we-know-about-heartstopper-season-2-release-date-and-more'],
    ['Tomás Vidal', 'tomas-vidal'],
    ['Crème Brûlée, Señor Niño', 'creme-brulee-senor-nino'],
    ['Rock&Roll', 'rock-and-roll'],
    ['ﬁsh ﬁngers', 'fish-fingers'],
    ['  --Already--Hyphenated--  ', 'already-hyphenated'],
    ['What?! Why... Now!!!', 'what-why-now'],
    ['snake_case and CamelCase', 'snake-case-and-camelcase'],
    ['Season 2: 10 things', 'season-2-10-things'],
    ['feed.xml', 'feed-xml'],
  ])('turns %j into %j', (input, slug) => {
    expect(slugify(input)).toBe(slug)
  })

  it('spells out letters that have no accent to strip', () => {
    expect(slugify('Straße')).toBe('strasse')
    expect(slugify('Łódź Ørsted Æther')).toBe('lodz-orsted-aether')
  })

  it('spells Cyrillic and Greek in Latin letters', () => {
    expect(slugify('Привет, мир')).toBe('privet-mir')
    expect(slugify('Щука й ёж')).toBe('shchuka-y-yozh')
    expect(slugify('Львів і Одеса')).toBe('lviv-i-odesa')
    expect(slugify('Καλημέρα Αθήνα')).toBe('kalimera-athina')
  })

  it('gives an empty slug for text without a letter or digit it can keep', () => {
    expect(slugify('你好')).toBe('')
    expect(slugify('!!! ??? ---')).toBe('')
    expect(slugify('')).toBe('')
  })

  it('keeps slugs to 96 characters without a trailing hyphen at the cut', () => {
    const words = `${'a'.repeat(95)} bcd`
    expect(slugify(words)).toBe('a'.repeat(95))
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(96)
    expect(slugify('word '.repeat(40))).toMatch(SLUG_PATTERN)
  })

  it('leaves a slug unchanged', () => {
    for (const input of ['Hello World', 'Tomás & Priya', 'x'.repeat(120), '  --a--b--  ']) {
      const once = slugify(input)
      expect(slugify(once)).toBe(once)
    }
  })

  it('always produces a slug SLUG_PATTERN accepts, or nothing', () => {
    const inputs = ['Hello World', '¡Olé!', '2024', 'a & b & c', '  spaced   out  ', '💖 emoji 💖', `${'long-'.repeat(30)}end`]
    for (const input of inputs) expect(slugify(input)).toMatch(SLUG_PATTERN)
  })
})

describe('SLUG_PATTERN', () => {
  it.each(['hello', 'hello-world', 'season-2', '2024'])('accepts %s', (slug) => {
    expect(SLUG_PATTERN.test(slug)).toBe(true)
  })

  it.each(['Hello', 'hello world', 'hello--world', '-hello', 'hello-', 'héllo', 'hello_world', 'feed.xml', ''])('refuses %j', (slug) => {
    expect(SLUG_PATTERN.test(slug)).toBe(false)
  })
})
