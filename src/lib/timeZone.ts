import { readTimeZone } from './env'

/**
 * Times in the newsroom's time zone (BYLINE_TIME_ZONE, default UTC): what staff read in the admin
 * and type into date filters. Formatting happens on the server, which knows the setting; the
 * browser only shows the text.
 */

let configured: string | undefined

/** The newsroom's time zone, read once (src/lib/env.ts checked it at start-up). */
export function newsroomTimeZone(): string {
  configured ??= readTimeZone()
  return configured
}

const formatters = new Map<string, Intl.DateTimeFormat>()

const formatterFor = (timeZone: string) => {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

const zoneNames = new Map<string, Intl.DateTimeFormat>()

/** The zone's short name at that instant ("GMT", "BST", "GMT+1"), so a reader knows which clock it is. */
const zoneName = (date: Date, timeZone: string) => {
  let formatter = zoneNames.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    zoneNames.set(timeZone, formatter)
  }
  return formatter.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? timeZone
}

/** "7 Dec 2026, 14:05 GMT": a moment as the newsroom's clocks show it, with the zone's name. */
export function formatDateTime(value: Date | string, timeZone = newsroomTimeZone()): string {
  const date = typeof value === 'string' ? new Date(value) : value
  return `${formatterFor(timeZone).format(date)} ${zoneName(date, timeZone)}`
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar day as a date input sends it (YYYY-MM-DD), or null for anything else. */
export function parseDay(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const match = DAY.exec(value.trim())
  if (!match) return null
  const [, year, month, day] = match.map(Number)
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1))
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day ? value.trim() : null
}

const partFormatters = new Map<string, Intl.DateTimeFormat>()

/** How far the zone's clocks are ahead of UTC at that instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  let formatter = partFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    partFormatters.set(timeZone, formatter)
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]))
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
  return wall - (instant - (instant % 1000))
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins in the zone. The offset is taken twice, the
 * second time at the first guess, so a day that starts just after a clock change comes out right.
 */
export function startOfDay(day: string, timeZone = newsroomTimeZone()): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number)
  const wall = Date.UTC(year, month - 1, date)
  const guess = wall - offsetAt(wall, timeZone)
  return new Date(wall - offsetAt(guess, timeZone))
}

/** The instant the day after this one begins: the exclusive end of a range that includes the whole day. */
export function endOfDay(day: string, timeZone = newsroomTimeZone()): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number)
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10)
  return startOfDay(next, timeZone)
}
