import { describe, expect, it } from 'vitest'

import { rankRelated, relatedScore } from '@/lib/relatedStories'

const subject = { id: 'a', categoryId: 'tv', tagIds: ['heartstopper'], castIds: ['kit'] }
const candidate = (id: string, rest: Partial<typeof subject> & { publishedAt?: string }) => ({
  id,
  categoryId: null,
  tagIds: [],
  castIds: [],
  publishedAt: '2026-12-01T00:00:00.000Z',
  ...rest,
})

describe('Related stories', () => {
  it('weighs a shared tag over a shared cast member over the same category', () => {
    expect(relatedScore(subject, candidate('t', { tagIds: ['heartstopper'] }))).toBeGreaterThan(relatedScore(subject, candidate('c', { castIds: ['kit'] })))
    expect(relatedScore(subject, candidate('c', { castIds: ['kit'] }))).toBeGreaterThan(relatedScore(subject, candidate('s', { categoryId: 'tv' })))
  })

  it('never relates the article to itself, nor an article sharing nothing', () => {
    expect(rankRelated(subject, [candidate('a', { categoryId: 'tv' }), candidate('x', { categoryId: 'film' })])).toEqual([])
  })

  it('ranks by what they share, then the newest first, and keeps four', () => {
    const ranked = rankRelated(subject, [
      candidate('old-tag', { tagIds: ['heartstopper'], publishedAt: '2020-01-01T00:00:00.000Z' }),
      ...['s1', 's2', 's3', 's4'].map((id, i) => candidate(id, { categoryId: 'tv', publishedAt: `2026-12-0${i + 1}T00:00:00.000Z` })),
      candidate('cast', { castIds: ['kit'] }),
    ])
    expect(ranked).toEqual(['old-tag', 'cast', 's4', 's3'])
  })
})
