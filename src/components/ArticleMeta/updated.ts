/**
 * When an article counts as updated after publishing. Fixing a typo right after going live is
 * part of publishing, not news: only a change more than ten minutes after the first publish
 * earns the "Updated" label.
 */
const UPDATED_AFTER_MS = 10 * 60 * 1000

export function isUpdatedAfterPublishing({ publishedAt, updatedAt }: { publishedAt: string | null; updatedAt: string | null }): boolean {
  if (!publishedAt || !updatedAt) return false
  const published = Date.parse(publishedAt)
  const updated = Date.parse(updatedAt)
  return Number.isFinite(published) && Number.isFinite(updated) && updated - published > UPDATED_AFTER_MS
}

/** Date and time, fixed to UTC like the rest of the site's dates, so renders never depend on the host. */
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })

export const formatUpdated = (iso: string) => `${dateTime.format(new Date(iso))} UTC`
