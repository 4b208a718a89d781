import { describe, expect, it } from 'vitest'

import { checkShape, cleanText, shapeMessages, validateComment } from '@/comments/validate'

import { clean, input } from '../helpers/commentSamples'

describe('Comments', () => {
  describe('validate', () => {
    it('accepts a complete comment and trims it', () => {
      const result = validateComment({ ...input, authorName: '  Ada ', authorEmail: 'Ada@Example.net' })
      expect(result).toEqual({ ok: true, value: { ...clean, authorEmail: 'ada@example.net' } })
    })

    it('reports every missing field with the reference page’s messages', () => {
      expect(validateComment({})).toEqual({
        ok: false,
        errors: {
          body: 'Please enter your comment!',
          authorName: 'Please enter your name here',
          authorEmail: 'You have entered an incorrect email address!',
        },
      })
    })

    it.each([
      ['body', 'x'.repeat(5001), 'Your comment can be at most 5,000 characters long.'],
      ['authorName', 'x'.repeat(101), 'Your name can be at most 100 characters long.'],
      ['authorEmail', `${'x'.repeat(250)}@e.co`, 'Your email address can be at most 254 characters long.'],
      ['authorUrl', `https://e.co/${'x'.repeat(200)}`, 'Your website address can be at most 200 characters long.'],
      ['authorEmail', 'not-an-email', 'You have entered an incorrect email address!'],
      ['authorUrl', 'javascript:alert(1)', 'Please enter a website address starting with https:// or http://.'],
      ['authorUrl', 'ftp://example.net', 'Please enter a website address starting with https:// or http://.'],
    ])('refuses %s %#', (field, value, message) => {
      expect(validateComment({ ...input, [field]: value })).toEqual({ ok: false, errors: { [field]: message } })
    })

    it('accepts the limits exactly', () => {
      expect(validateComment({ ...input, body: 'x'.repeat(5000), authorName: 'x'.repeat(100) }).ok).toBe(true)
    })

    it('strips control characters and lone surrogates, keeping line breaks, tabs and emoji', () => {
      expect(cleanText('a\u0000b\u0007c\u001Bd\u007F e\tf\r\ng')).toBe('abcd e\tf\r\ng')
      expect(cleanText('x\uD800y\uDC00z\u0085 😀 漢字')).toBe('xyz 😀 漢字')
      const result = validateComment({ ...input, authorName: '\u0000Ada\u0008', body: 'Hi\uDFFF there' })
      expect(result).toEqual({ ok: true, value: { ...clean, body: 'Hi there' } })
    })

    it('refuses a name made only of control characters as missing', () => {
      expect(validateComment({ ...input, authorName: '\u0001\u0002' })).toEqual({ ok: false, errors: { authorName: 'Please enter your name here' } })
    })
  })

  describe('shape', () => {
    it.each([42, null, 'x', [], true])('refuses %j as a comment', (data) => {
      expect(checkShape(data)).toEqual({ ok: false, message: shapeMessages.notAnObject, errors: {} })
    })

    it.each([
      ['authorUrl', []],
      ['body', { $ne: null }],
      ['authorName', 7],
      ['parent', true],
      ['article', { id: 'a1', $ne: null }],
      ['article', 'a1 OR 1=1'],
      ['notifyOnReply', 'yes'],
    ])('refuses %s as %j rather than coercing it', (field, value) => {
      const result = checkShape({ ...input, article: 'a1', [field]: value })
      expect(result.ok).toBe(false)
      expect(result.ok ? null : Object.keys(result.errors)).toEqual([field])
    })

    it('accepts text, ids as text or numbers, booleans, and fields left out or null', () => {
      expect(checkShape({ ...input, article: 'a1', parent: null, authorUrl: null, notifyOnReply: true })).toEqual({ ok: true })
      expect(checkShape({ body: 'x', article: 12 })).toEqual({ ok: true })
    })
  })
})
