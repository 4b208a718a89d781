import { describe, expect, it } from 'vitest'

import { isViewDay, previousDay, viewDay, viewWindow } from '@/pageViews/days'

describe('View days', () => {
  it('names a view’s day by its UTC date', () => {
    expect(viewDay(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01')
    expect(viewDay(new Date('2026-03-02T00:30:00+02:00'))).toBe('2026-03-01')
  })

  it('spans a seven-day window from six days ago to today, both included', () => {
    expect(viewWindow({ days: 7, now: new Date('2026-03-03T12:00:00Z') })).toEqual({ from: '2026-02-25', to: '2026-03-03' })
    expect(viewWindow({ days: 1, now: new Date('2026-03-03T00:00:00Z') })).toEqual({ from: '2026-03-03', to: '2026-03-03' })
  })

  it('refuses a window that is not a whole number of days', () => {
    expect(() => viewWindow({ days: 0, now: new Date() })).toThrow(RangeError)
    expect(() => viewWindow({ days: 2.5, now: new Date() })).toThrow(RangeError)
  })

  it('accepts real calendar days only', () => {
    expect(isViewDay('2028-02-29')).toBe(true)
    expect(isViewDay('2026-02-29')).toBe(false)
    expect(isViewDay('2026-3-1')).toBe(false)
    expect(isViewDay(20260301)).toBe(false)
  })

  it('steps back over month and year ends', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28')
    expect(previousDay('2026-01-01')).toBe('2025-12-31')
  })
})
