const DAY_MS = 24 * 60 * 60 * 1000

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/**
 * The day a view counts towards: its UTC calendar date as 'YYYY-MM-DD'. Stored as text, days sort
 * and compare the same way on every database, so a window is a plain range query.
 */
export const viewDay = (date: Date): string => date.toISOString().slice(0, 10)

/** Whether a value is a real calendar day in viewDay's format (2026-02-30 is not). */
export const isViewDay = (value: unknown): value is string =>
  typeof value === 'string' && DAY_PATTERN.test(value) && viewDay(new Date(`${value}T00:00:00Z`)) === value

/** The first and last day of the `days` days that end today, both included. */
export function viewWindow({ days, now }: { days: number; now: Date }): { from: string; to: string } {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`A view window is a whole number of days, at least 1 (got ${days}).`)
  return { from: viewDay(new Date(now.getTime() - (days - 1) * DAY_MS)), to: viewDay(now) }
}

/** The day before the given one, for forgetting what no longer receives views. */
export const previousDay = (day: string): string => viewDay(new Date(new Date(`${day}T00:00:00Z`).getTime() - DAY_MS))
