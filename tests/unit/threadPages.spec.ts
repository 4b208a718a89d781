import { describe, expect, it } from 'vitest'

import type { CommentView } from '@/comments/thread'

import { commentPageHref, pageOfThread } from '@/comments/threadPages'

const comment = (id: string, replies: CommentView[] = []): CommentView => ({
  id,
  authorName: `Reader ${id}`,
  authorUrl: null,
  body: `Comment ${id}`,
  createdAt: '2026-11-01T10:00:00.000Z',
  replies,
})

// Five top-level comments; the second carries two replies, which always stay with it.
const thread = [comment('1'), comment('2', [comment('2a'), comment('2b')]), comment('3'), comment('4'), comment('5')]

describe('comment pages', () => {
  it('pages count top-level comments, and replies stay on their parent’s page', () => {
    const first = pageOfThread(thread, { page: 1, perPage: 2 })
    expect(first?.thread.map((c) => c.id)).toEqual(['1', '2'])
    expect(first?.thread[1]?.replies.map((c) => c.id)).toEqual(['2a', '2b'])
    expect(first?.totalPages).toBe(3)
    expect(pageOfThread(thread, { page: 3, perPage: 2 })?.thread.map((c) => c.id)).toEqual(['5'])
  })

  it('has no page past the last, or below the first', () => {
    expect(pageOfThread(thread, { page: 4, perPage: 2 })).toBeNull()
    expect(pageOfThread(thread, { page: 0, perPage: 2 })).toBeNull()
  })

  it('always has a first page, even with no comments', () => {
    expect(pageOfThread([], { page: 1, perPage: 50 })).toEqual({ thread: [], page: 1, totalPages: 1 })
  })

  it('puts page 1 at the article’s own URL and later pages under it, as WordPress does', () => {
    expect(commentPageHref('/tv/a-story', 1)).toBe('/tv/a-story')
    expect(commentPageHref('/tv/a-story', 3)).toBe('/tv/a-story/comment-page-3')
  })
})
