import { describe, expect, it } from 'vitest'

import { countLinks, decideStatus, readRuleNote, ruleNoteOf } from '@/comments/policy'
import { DEFAULT_SETTINGS } from '@/comments/settings'

import { clean } from '../helpers/commentSamples'

describe('Comments', () => {
  describe('policy', () => {
    const decide = (overrides: Partial<typeof DEFAULT_SETTINGS> = {}, knownCommenter = false, comment = clean) =>
      decideStatus({ input: comment, settings: { ...DEFAULT_SETTINGS, ...overrides }, knownCommenter })

    it('holds a comment by default', () => expect(decide().status).toBe('pending'))
    it('approves a known commenter by default', () => expect(decide({}, true).status).toBe('approved'))
    it('holds a known commenter whose comment has a link', () => {
      expect(decide({}, true, { ...clean, body: 'Read this: https://phish.example/login' })).toEqual({
        status: 'pending',
        reason: 'known commenter, but the comment has a link',
      })
    })
    it('holds a known commenter when auto-approval is off', () => expect(decide({ approveKnownCommenters: false }, true).status).toBe('pending'))
    it('approves when nothing is held', () => expect(decide({ holdAll: false }).status).toBe('approved'))

    it('holds a comment with three links for moderation, even from a known commenter', () => {
      const body = 'See https://a.example and http://b.example and www.c.example'
      expect(countLinks(body)).toBe(3)
      expect(decide({ holdAll: false }, true, { ...clean, body }).status).toBe('pending')
      expect(decide({ holdAll: false }, true, { ...clean, body: 'https://a.example https://b.example' }).status).toBe('approved')
    })

    it.each(['body', 'authorName', 'authorEmail', 'authorUrl'] as const)('holds a moderation word found in %s', (field) => {
      const comment = { ...clean, [field]: field === 'authorUrl' ? 'https://casino.example' : `${clean[field]} Casino` }
      expect(decide({ holdAll: false, moderationWords: ['casino'] }, true, comment)).toEqual({ status: 'pending', reason: 'moderation word "casino"' })
    })

    it('marks a blocked word as spam, over everything else', () => {
      const comment = { ...clean, authorName: 'Cheap PILLS' }
      expect(decide({ holdAll: false, blockedWords: ['pills'], moderationWords: ['cheap'] }, true, comment).status).toBe('spam')
    })
  })
})

describe('Why the rules filed a comment', () => {
  it('keeps the verdict with the reason, and reads the older spam reasons as they were', () => {
    expect(ruleNoteOf({ status: 'pending', reason: '3 links (more than 2)' })).toBe('held: 3 links (more than 2)')
    expect(ruleNoteOf({ status: 'spam', reason: 'honeypot filled in' })).toBe('honeypot filled in')
    expect(ruleNoteOf({ status: 'approved', reason: 'known commenter' })).toBeNull()
    expect([readRuleNote('held: 3 links (more than 2)'), readRuleNote('honeypot filled in'), readRuleNote(null)]).toEqual([
      { verdict: 'held', reason: '3 links (more than 2)' },
      { verdict: 'spam', reason: 'honeypot filled in' },
      null,
    ])
  })
})
