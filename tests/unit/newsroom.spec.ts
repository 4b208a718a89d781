import { describe, expect, it } from 'vitest'

import { commentsHtml } from '@/components/CommentThread/commentsHtml'
import { checkNewsroomReply, NEWSROOM, replyMessages } from '@/comments/newsroom'
import { readRuleNote, ruleNoteOf } from '@/comments/policy'
import { DEFAULT_SETTINGS } from '@/comments/settings'

const parent = { id: 'c1', articleId: 'a1', status: 'pending', depth: 1 } as const

describe('The newsroom’s replies', () => {
  it('takes a reply within the limits, trimmed', () => {
    expect(checkNewsroomReply({ body: '  Thanks, fixed.  ', parent, settings: DEFAULT_SETTINGS })).toEqual({ ok: true, body: 'Thanks, fixed.' })
  })

  it.each([
    ['an empty reply', '  ', parent, DEFAULT_SETTINGS, 400, replyMessages.bodyMissing],
    ['a reply over 5,000 characters', 'x'.repeat(5001), parent, DEFAULT_SETTINGS, 400, replyMessages.bodyTooLong],
    ['more links than a comment may have', 'https://a.example www.b.example http://c.example', parent, DEFAULT_SETTINGS, 400, replyMessages.tooManyLinks(3, 2)],
    ['a blocked word', 'Try our casino', parent, { ...DEFAULT_SETTINGS, blockedWords: ['casino'] as string[] }, 400, replyMessages.blockedWord('casino')],
    ['an answer to a missing comment', 'Hello', null, DEFAULT_SETTINGS, 404, replyMessages.parentGone],
    ['an answer to spam', 'Hello', { ...parent, status: 'spam' }, DEFAULT_SETTINGS, 409, replyMessages.parentFiled('spam')],
    ['an answer deeper than threads go', 'Hello', { ...parent, depth: 3 }, DEFAULT_SETTINGS, 400, replyMessages.tooDeep],
  ] as const)('refuses %s', (_case, body, answered, settings, status, message) => {
    expect(checkNewsroomReply({ body, parent: answered, settings })).toEqual({ ok: false, status, message })
  })

  it('shows the newsroom’s replies with a staff badge, and nobody else’s', () => {
    const view = { authorUrl: null, body: 'Hi', createdAt: '2026-12-01T12:00:00.000Z', replies: [] }
    const html = commentsHtml({
      thread: [
        { ...view, id: 'r1', authorName: 'Reader' },
        { ...view, id: 'n1', authorName: NEWSROOM.name, newsroom: true },
      ],
      replyDepth: 3,
      articleHref: '/news/a',
    })
    expect(html.match(/comment__badge/g)?.length).toBe(1)
    expect(html).toContain(`<span class="comment__author">${NEWSROOM.name} <span class="comment__badge">Staff</span></span>`)
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
