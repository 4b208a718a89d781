import { describe, expect, it } from 'vitest'

import { replyMessages } from '@/comments/newsroom'
import { COMMENT_STATUSES, FILED_STATUSES, FOLDER_NAMES, isFiled, STATUS_LABELS } from '@/comments/statuses'

/** The comment statuses, their labels, and the two that file a comment away. */
describe('Comment statuses', () => {
  it('are pending, approved, spam and trash, each with the label the queue shows', () => {
    expect(COMMENT_STATUSES.map((status) => STATUS_LABELS[status])).toEqual(['Pending', 'Approved', 'Spam', 'Trash'])
  })

  it('file a comment away only as spam or trash', () => {
    expect(COMMENT_STATUSES.filter(isFiled)).toEqual(['spam', 'trash'])
    expect([undefined, 'Spam', ''].some(isFiled)).toBe(false)
  })

  it('name the folders as a sentence does', () => {
    expect(FILED_STATUSES.map((status) => `in ${FOLDER_NAMES[status]}`)).toEqual(['in Spam', 'in the Trash'])
    expect(replyMessages.parentFiled('trash')).toMatch(/^The comment is in the Trash: restore it before replying/)
  })
})
