import { APIError, ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import type { ArticleFacts, ParentFacts, Submission, SubmissionDeps } from '@/comments/submit'

import { DEFAULT_SETTINGS } from '@/comments/settings'
import { checkSubmission, FloodError, isClosed, messages, PENDING_LIMITS, PendingLimitError } from '@/comments/submit'

import { clean, days, input, NOW, SECRET, seconds } from '../helpers/commentSamples'

describe('Comments', () => {
  describe('submit', () => {
    const article: ArticleFacts = { id: 'a1', published: true, commentsOpen: true, publishedAt: days(2) }
    const approvedParent = (depth: number): ParentFacts => ({ id: 'c1', articleId: 'a1', status: 'approved', depth })

    const deps = (overrides: Partial<SubmissionDeps> & { stored?: Partial<typeof DEFAULT_SETTINGS> } = {}): SubmissionDeps => ({
      settings: async () => ({ ...DEFAULT_SETTINGS, ...overrides.stored }),
      article: async (id) => (id === article.id ? article : null),
      parent: async () => null,
      lastCommentAt: async () => null,
      hasDuplicate: async () => false,
      hasApprovedComment: async () => false,
      pendingCounts: async () => ({ sender: 0, article: 0 }),
      ...overrides,
    })

    const submit = (extra: Partial<Submission> & { fields?: Record<string, unknown> } = {}, d = deps()) =>
      checkSubmission(
        {
          input: { ...input, article: 'a1', ...extra.fields },
          signals: extra.signals ?? {},
          sender: extra.sender ?? { ipHash: 'hash', staff: false },
          now: NOW,
          secret: SECRET,
        },
        d,
      )

    const rejection = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(APIError)
      return error as APIError & { data?: { errors?: { path: string; message: string }[] } }
    }

    it('holds a new comment and keeps the cleaned fields', async () => {
      await expect(submit()).resolves.toEqual({
        value: { ...clean, article: 'a1', parent: null },
        decision: { status: 'pending', reason: 'every comment is held' },
      })
    })

    it('approves a commenter with an approved comment under the same name, email and website', async () => {
      const asked: unknown[] = []
      const known = deps({
        hasApprovedComment: async (commenter) => {
          asked.push(commenter)
          return commenter.email === 'ada@example.net' && commenter.name === 'Ada' && commenter.url === null
        },
      })
      expect((await submit({}, known)).decision.status).toBe('approved')
      expect((await submit({ fields: { authorName: 'Support Team' } }, known)).decision.status).toBe('pending')
      expect(asked).toEqual([
        { email: 'ada@example.net', name: 'Ada', url: null },
        { email: 'ada@example.net', name: 'Support Team', url: null },
      ])
    })

    it.each([
      ['from this sender', { sender: PENDING_LIMITS.perClient, article: 0 }, messages.tooManyPendingFromYou],
      ['on this article', { sender: 0, article: PENDING_LIMITS.perArticle }, messages.tooManyPendingOnArticle],
    ])('refuses a comment to hold when too many wait %s (429)', async (_, counts, message) => {
      const error = await rejection(submit({}, deps({ pendingCounts: async () => counts })))
      expect(error).toBeInstanceOf(PendingLimitError)
      expect([error.status, error.message]).toEqual([429, message])
    })

    it('lets a comment through below the caps, one that is published at once, and staff', async () => {
      const below = deps({ pendingCounts: async () => ({ sender: PENDING_LIMITS.perClient - 1, article: PENDING_LIMITS.perArticle - 1 }) })
      expect((await submit({}, below)).decision.status).toBe('pending')
      const full = { pendingCounts: async () => ({ sender: 99, article: 999 }) }
      expect((await submit({}, deps({ ...full, stored: { holdAll: false } }))).decision.status).toBe('approved')
      expect((await submit({ sender: { ipHash: 'hash', staff: true } }, deps(full))).decision.status).toBe('pending')
    })

    it('refuses bad input with a message per field (400)', async () => {
      const error = await rejection(submit({ fields: { body: ' ', authorName: '' } }))
      expect(error).toBeInstanceOf(ValidationError)
      expect(error.status).toBe(400)
      expect(error.data?.errors).toEqual([
        { path: 'body', message: 'Please enter your comment!' },
        { path: 'authorName', message: 'Please enter your name here' },
      ])
    })

    it('refuses an unknown or unpublished article', async () => {
      expect((await rejection(submit({ fields: { article: 'nope' } }))).status).toBe(400)
      const draft = deps({ article: async () => ({ ...article, published: false }) })
      expect((await rejection(submit({}, draft))).status).toBe(400)
    })

    it('says comments are closed when the article closed them (403)', async () => {
      const closed = deps({ article: async () => ({ ...article, commentsOpen: false }) })
      const error = await rejection(submit({}, closed))
      expect([error.status, error.message]).toEqual([403, 'Comments are closed.'])
    })

    it('closes comments N days after publication only when that setting is on', () => {
      const settings = { ...DEFAULT_SETTINGS, closeAfterDays: 14 }
      expect(isClosed({ article: { ...article, publishedAt: days(15) }, settings, now: NOW })).toBe(true)
      expect(isClosed({ article: { ...article, publishedAt: days(13) }, settings, now: NOW })).toBe(false)
      expect(isClosed({ article: { ...article, publishedAt: days(400) }, settings: DEFAULT_SETTINGS, now: NOW })).toBe(false)
    })

    it('accepts a reply to an approved comment within the thread depth', async () => {
      const result = await submit({ fields: { parent: 'c1' } }, deps({ parent: async () => approvedParent(2) }))
      expect(result.value.parent).toBe('c1')
    })

    it.each([
      ['a held comment', { ...approvedParent(1), status: 'pending' as const }, messages.parentInvalid],
      ['a comment on another article', { ...approvedParent(1), articleId: 'a2' }, messages.parentInvalid],
      ['a comment already at the thread depth', approvedParent(3), messages.tooDeep],
    ])('refuses a reply to %s', async (_, parent, message) => {
      const error = await rejection(submit({ fields: { parent: 'c1' } }, deps({ parent: async () => parent })))
      expect(error.data?.errors).toEqual([{ path: 'parent', message }])
    })

    it('refuses a second comment within 15 seconds with the wait (429)', async () => {
      const error = await rejection(submit({}, deps({ lastCommentAt: async () => seconds(5) })))
      expect(error).toBeInstanceOf(FloodError)
      expect([error.status, (error as FloodError).retryAfter]).toEqual([429, 10])
    })

    it('lets staff post again at once', async () => {
      const result = await submit({ sender: { ipHash: 'hash', staff: true } }, deps({ lastCommentAt: async () => seconds(5) }))
      expect(result.decision.status).toBe('pending')
    })

    it('refuses the same body on the same article (409)', async () => {
      const error = await rejection(submit({}, deps({ hasDuplicate: async ({ articleId, body }) => articleId === 'a1' && body === clean.body })))
      expect([error.status, error.message]).toEqual([409, messages.duplicate])
    })

    it('marks a bot as spam without telling it so', async () => {
      const result = await submit({ signals: { honeypot: 'http://spam.example' } })
      expect(result.decision).toEqual({ status: 'spam', reason: 'honeypot filled in' })
    })
  })
})
