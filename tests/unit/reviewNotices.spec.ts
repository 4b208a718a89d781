import { describe, expect, it } from 'vitest'

import type { ReviewNoticeDeps, StaffMember } from '@/articles/reviewNotices'
import type { Review } from '@/articles/review'

import { reviewEventOf, reviewRecipients, reviewToast } from '@/articles/reviewNotices'
import { changeReview, CLOSED_REVIEW } from '@/articles/review'

const review = (state: Review['state'], extra: Partial<Review> = {}): Review => ({ ...CLOSED_REVIEW, state, ...extra })
const event = (args: Partial<Parameters<typeof reviewEventOf>[0]>) =>
  reviewEventOf({ before: review('none'), after: review('none'), previousStatus: 'draft', status: 'draft', firstPublish: true, autosave: false, ...args })

const person = (id: string, roles: string[], email = `${id}@example.com`): StaffMember => ({ id, name: `Name ${id}`, email, roles })
const deps = (members: StaffMember[], byline: string[]): ReviewNoticeDeps => ({
  editors: async () => members.filter((m) => m.roles.includes('editor')),
  member: async (id) => members.find((m) => m.id === id) ?? null,
  bylineAccounts: async (authorIds) => members.filter((m) => authorIds.some((a) => byline.includes(a) && a === `profile-${m.id}`)),
})

describe('Review notices', () => {
  describe('reviewEventOf', () => {
    it.each([
      ['a submission', { before: review('none'), after: review('submitted') }, 'submitted'],
      ['a resubmission after a send-back', { before: review('changes-requested'), after: review('submitted') }, 'submitted'],
      ['a send-back', { before: review('submitted'), after: review('changes-requested', { note: 'x' }) }, 'sent-back'],
      ['publishing a submitted draft', { before: review('submitted'), status: 'published' }, 'published'],
      ['a first publish without review', { status: 'published' }, 'published'],
    ] as const)('names %s', (_, args, expected) => {
      expect(event(args)).toBe(expected)
    })

    it.each([
      ['an ordinary save of a submitted draft', { before: review('submitted'), after: review('submitted') }],
      ['republishing an edit', { status: 'published', firstPublish: false }],
      ['a save of a published article', { previousStatus: 'published', status: 'published', before: review('submitted') }],
      ['an autosave', { before: review('none'), after: review('submitted'), autosave: true }],
    ] as const)('finds nothing in %s', (_, args) => {
      expect(event(args)).toBeNull()
    })
  })

  describe('reviewRecipients', () => {
    const editor = person('ed', ['editor'])
    const otherEditor = person('ed2', ['editor'], 'ED@example.com')
    const contributor = person('co', ['contributor'])
    const writer = person('wr', ['writer'])
    const members = [editor, otherEditor, contributor, writer]

    it('sends a submission to every editor but the one who submitted', async () => {
      const got = await reviewRecipients({ event: 'submitted', submittedBy: 'ed2', authorIds: [], actorId: 'ed2', deps: deps(members, []) })
      expect(got.map((m) => m.id)).toEqual(['ed'])
    })

    it('sends a send-back to the submitter, not to the editor who sent it', async () => {
      const got = await reviewRecipients({ event: 'sent-back', submittedBy: 'co', authorIds: ['profile-wr'], actorId: 'ed', deps: deps(members, ['profile-wr']) })
      expect(got.map((m) => m.id)).toEqual(['co'])
    })

    it('sends a publish to the submitter and the contributors on the byline, once each', async () => {
      const got = await reviewRecipients({
        event: 'published',
        submittedBy: 'co',
        authorIds: ['profile-co', 'profile-wr'],
        actorId: 'ed',
        deps: deps(members, ['profile-co', 'profile-wr']),
      })
      expect(got.map((m) => m.id)).toEqual(['co'])
    })
  })

  it('says in the toast what happened', () => {
    expect(reviewToast({ event: 'submitted', recipients: [] })).toBe('Submitted for review')
    expect(reviewToast({ event: 'sent-back', recipients: [person('co', ['contributor'])] })).toBe('Sent back to Name co')
    expect(reviewToast({ event: 'sent-back', recipients: [] })).toBe('Sent back to the author')
    expect(reviewToast({ event: 'published', recipients: [] })).toBe('Published')
  })

  it('keeps an autosaved send-back waiting, with its note so far', () => {
    const before = review('submitted', { submittedBy: 'co', submittedAt: '2026-12-01T00:00:00.000Z' })
    const result = changeReview({ before, requested: review('changes-requested', { note: 'Needs a sec' }), publishing: false, autosave: true, missing: [], userId: 'ed', now: new Date() })
    expect(result).toEqual({ ok: true, review: { ...before, note: 'Needs a sec' } })
  })
})
