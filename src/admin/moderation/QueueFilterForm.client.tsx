'use client'

import Link from 'next/link'

import type { Queue } from './queue'

import { hasFilters, PAGE_SIZES } from './filters'

/** The queue's own search state, as the page loaded it (src/admin/moderation/queue.ts). */
type Props = Pick<Queue, 'status' | 'filters' | 'articleTitle' | 'timeZone' | 'totalDocs'> & {
  queueHref: string
  /** Commenters' addresses are moderators' to search. */
  canSearchEmail: boolean
}

/**
 * Search the queue: by article, commenter's name or address, and days (in the newsroom's time
 * zone). A plain GET form: the search is in the address, works without JavaScript, and the tabs
 * and pages keep it.
 */
export function QueueFilterForm({ queueHref, status, filters, articleTitle, timeZone, totalDocs, canSearchEmail }: Props) {
  const searching = hasFilters(filters)
  return (
    <form className="moderation__filters" method="get" action={queueHref} role="search" aria-label="Search comments">
      <input type="hidden" name="status" value={status} />
      {filters.article ? <input type="hidden" name="article" value={filters.article} /> : null}
      {filters.article ? (
        <p className="moderation__filter-article">
          Comments on <strong>{articleTitle ?? 'an article you cannot see'}</strong>{' '}
          <Link href={`${queueHref}?status=${status}`}>Show every article</Link>
        </p>
      ) : (
        <p className="moderation__field">
          <label htmlFor="filter-article-title">Article title</label>
          <input id="filter-article-title" name="articleTitle" type="search" defaultValue={filters.articleTitle} />
        </p>
      )}
      <p className="moderation__field">
        <label htmlFor="filter-author">Name</label>
        <input id="filter-author" name="author" type="search" defaultValue={filters.author} />
      </p>
      {canSearchEmail ? (
        <p className="moderation__field">
          <label htmlFor="filter-email">Email</label>
          <input id="filter-email" name="email" type="search" inputMode="email" defaultValue={filters.email} />
        </p>
      ) : null}
      <p className="moderation__field">
        <label htmlFor="filter-from">From</label>
        <input id="filter-from" name="from" type="date" defaultValue={filters.from} aria-describedby="filter-zone" />
      </p>
      <p className="moderation__field">
        <label htmlFor="filter-to">To</label>
        <input id="filter-to" name="to" type="date" defaultValue={filters.to} aria-describedby="filter-zone" />
      </p>
      <p className="moderation__field">
        <label htmlFor="filter-per-page">Per page</label>
        <select id="filter-per-page" name="perPage" defaultValue={String(filters.perPage)}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </p>
      <p className="moderation__filter-actions">
        <button type="submit" className="moderation__button moderation__button--primary">
          Search
        </button>
        {searching ? <Link href={`${queueHref}?status=${status}`}>Clear search</Link> : null}
      </p>
      <p className="moderation__filter-note" id="filter-zone">
        Days and times are in the newsroom’s time zone, {timeZone}.
        {searching ? ` ${totalDocs} ${totalDocs === 1 ? 'comment matches' : 'comments match'} in this tab.` : ''}
      </p>
    </form>
  )
}
