import { describe, expect, it } from 'vitest'

import { SECRET } from '../helpers/commentSamples'

describe('Pending comments cookie', () => {
  it('lists this browser’s own comments, newest first, and ignores a tampered cookie', async () => {
    const { addPendingId, readPendingIds } = await import('@/comments/pendingCookie')
    const first = addPendingId({ cookie: undefined, id: 'c1', secret: SECRET })
    const second = addPendingId({ cookie: first, id: 'c2', secret: SECRET })
    expect(readPendingIds({ cookie: second, secret: SECRET })).toEqual(['c2', 'c1'])
    expect(readPendingIds({ cookie: second.replace('c2', 'c9'), secret: SECRET })).toEqual([])
    expect(readPendingIds({ cookie: second, secret: 'b'.repeat(64) })).toEqual([])
  })
})
