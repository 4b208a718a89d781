import { describe, expect, it } from 'vitest'

import { ViewTally } from '@/pageViews/tally'

describe('View tally', () => {
  it('adds views up per article and day', () => {
    const tally = new ViewTally()
    tally.add({ articleId: 'a', day: '2026-03-01' })
    tally.add({ articleId: 'a', day: '2026-03-01' })
    tally.add({ articleId: 'b', day: '2026-03-01' })
    tally.add({ articleId: 'a', day: '2026-03-02', views: 5 })
    expect(tally.pendingViews).toBe(8)
    expect(tally.drain()).toEqual([
      { articleId: 'a', day: '2026-03-01', views: 2 },
      { articleId: 'b', day: '2026-03-01', views: 1 },
      { articleId: 'a', day: '2026-03-02', views: 5 },
    ])
  })

  it('starts again from zero after a drain', () => {
    const tally = new ViewTally()
    tally.add({ articleId: 'a', day: '2026-03-01' })
    tally.drain()
    expect(tally.pendingViews).toBe(0)
    expect(tally.drain()).toEqual([])
  })

  it('ignores zero, negative and fractional counts', () => {
    const tally = new ViewTally()
    for (const views of [0, -3, 1.5]) tally.add({ articleId: 'a', day: '2026-03-01', views })
    expect(tally.drain()).toEqual([])
  })

  it('keeps ids apart that a naive key would join', () => {
    const tally = new ViewTally()
    tally.add({ articleId: 'a|2026', day: '03-01' })
    tally.add({ articleId: 'a', day: '2026|03-01' })
    expect(tally.drain()).toHaveLength(2)
  })
})
