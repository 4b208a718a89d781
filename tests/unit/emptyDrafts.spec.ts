import { describe, expect, it } from 'vitest'

import { canClearEmptyDrafts, richTextHasContent } from '@/admin/emptyDrafts/emptyDrafts'

const root = (...children: unknown[]) => ({ root: { type: 'root', version: 1, children } })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children })
const text = (value: string) => ({ type: 'text', text: value, version: 1 })

describe('Empty drafts', () => {
  describe('richTextHasContent', () => {
    it.each([
      ['no body at all', null],
      ['an editor opened and left: one empty paragraph', root(paragraph())],
      ['only spaces and line breaks', root(paragraph(text('  '), { type: 'linebreak', version: 1 }), paragraph())],
    ])('counts %s as empty', (_, value) => {
      expect(richTextHasContent(value)).toBe(false)
    })

    it.each([
      ['a word', root(paragraph(text('Lede')))],
      ['an image with no text around it', root({ type: 'upload', version: 1, value: 'abc', relationTo: 'media' })],
      ['a block', root({ type: 'block', version: 1, fields: { blockType: 'pullQuote' } })],
      ['a heading, even before its words (we keep rather than lose work)', root(paragraph(), { type: 'heading', tag: 'h2', version: 1, children: [] })],
    ])('counts %s as content', (_, value) => {
      expect(richTextHasContent(value)).toBe(true)
    })
  })

  describe('canClearEmptyDrafts', () => {
    it.each([
      [['admin'], true],
      [['editor'], true],
      [['writer'], false],
      [['contributor'], false],
      [['moderator'], false],
    ])('for roles %j is %s', (roles, expected) => {
      expect(canClearEmptyDrafts({ id: 'u', roles })).toBe(expected)
    })

    it('refuses nobody signed in', () => {
      expect(canClearEmptyDrafts(null)).toBe(false)
    })
  })
})
