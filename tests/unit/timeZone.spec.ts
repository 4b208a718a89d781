import { describe, expect, it } from 'vitest'

import { endOfDay, formatDateTime, parseDay, startOfDay } from '@/lib/timeZone'

describe('The newsroom’s time zone', () => {
  it('shows a moment on the newsroom’s clock, summer time included, with the zone’s name', () => {
    expect(formatDateTime('2026-07-01T12:00:00Z', 'Europe/London')).toBe('1 Jul 2026, 13:00 BST')
    expect(formatDateTime('2026-12-01T12:00:00Z', 'Europe/London')).toBe('1 Dec 2026, 12:00 GMT')
    expect(formatDateTime('2026-12-01T12:00:00Z', 'UTC')).toBe('1 Dec 2026, 12:00 UTC')
  })

  it.each([
    ['2026-07-01', 'Europe/London', '2026-06-30T23:00:00.000Z', '2026-07-01T23:00:00.000Z'],
    // The day the clocks go forward is 23 hours long.
    ['2026-03-29', 'Europe/London', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z'],
    ['2026-12-07', 'America/New_York', '2026-12-07T05:00:00.000Z', '2026-12-08T05:00:00.000Z'],
    ['2026-12-07', 'Asia/Kolkata', '2026-12-06T18:30:00.000Z', '2026-12-07T18:30:00.000Z'],
  ])('reads the day %s in %s as the instants it begins and ends', (day, zone, start, end) => {
    expect([startOfDay(day, zone).toISOString(), endOfDay(day, zone).toISOString()]).toEqual([start, end])
  })

  it('takes only real calendar days as a date input sends them', () => {
    expect([parseDay('2026-02-28'), parseDay('2026-02-30'), parseDay('28/02/2026'), parseDay(42)]).toEqual(['2026-02-28', null, null, null])
  })
})
