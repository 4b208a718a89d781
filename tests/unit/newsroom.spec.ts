import { describe, expect, it } from 'vitest'

import { checkNewsroomReply, replyMessages } from '@/comments/newsroom'
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
})
