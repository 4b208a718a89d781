import type { AdminViewServerProps } from 'payload'

import { formatAdminURL } from 'payload/shared'

// Times on the newsroom's clocks (BYLINE_TIME_ZONE) with the zone's name, not the server's zone.
import { formatDateTime } from '@/lib/timeZone'

import type { DashboardArticle, ScheduledArticle } from './queries'

import { REVIEW_STATE_LABELS } from '@/articles/review'
import { loadDashboard } from './queries'

import './dashboard.css'

type Props = Pick<AdminViewServerProps, 'payload' | 'user'>

function Panel({ title, count, children, footer }: { title: string; count: number; children: React.ReactNode; footer?: React.ReactNode }) {
  return (
    <section className="byline-dashboard__panel" aria-label={title}>
      <h2 className="byline-dashboard__title">
        {title} <span className="byline-dashboard__count">{count}</span>
      </h2>
      {children}
      {footer}
    </section>
  )
}

/**
 * Above Payload's collection cards: what needs this person now. Editors see the drafts awaiting
 * review, moderators the comments waiting for them, whoever publishes the scheduled articles,
 * and writers and contributors their own drafts with where each stands in review.
 */
export async function Dashboard({ payload, user }: Props) {
  const data = await loadDashboard({ payload, user })
  const admin = (path: `/${string}`) => formatAdminURL({ adminRoute: payload.config.routes.admin, path })
  const articleLink = (id: string) => admin(`/collections/articles/${id}`)
  // The moderation queue when it is installed, otherwise the comments list filtered to pending.
  const moderationViews = payload.config.admin.components?.views as Record<string, unknown> | undefined
  const pendingHref = moderationViews?.moderation ? admin('/moderation') : admin('/collections/comments?where[status][equals]=pending')

  const articleItem = (item: DashboardArticle, detail: React.ReactNode) => (
    <li key={item.id}>
      <a href={articleLink(item.id)}>{item.title}</a> <span className="byline-dashboard__detail">{detail}</span>
    </li>
  )

  const scheduledItem = (item: ScheduledArticle) => (
    <li key={`${item.id}-${item.at}`}>
      <a href={articleLink(item.id)}>{item.title}</a>{' '}
      <span className="byline-dashboard__detail">
        {item.type === 'publish' ? 'publishes' : 'unpublishes'} <time dateTime={item.at}>{formatDateTime(item.at)}</time>
      </span>
    </li>
  )

  return (
    <div className="byline-dashboard">
      {data.awaitingReview ? (
        <Panel title="Awaiting review" count={data.awaitingReview.length}>
          {data.awaitingReview.length === 0 ? (
            <p className="byline-dashboard__empty">No drafts are waiting for an editor.</p>
          ) : (
            <ul>
              {data.awaitingReview.map((item) =>
                articleItem(item, `submitted by ${item.submittedBy ?? 'someone'}${item.submittedAt ? `, ${formatDateTime(item.submittedAt)}` : ''}`),
              )}
            </ul>
          )}
        </Panel>
      ) : null}
      {data.pendingComments !== null ? (
        <Panel title="Comments waiting for moderation" count={data.pendingComments}>
          <p>
            <a href={pendingHref}>{data.pendingComments === 0 ? 'Open the moderation queue' : `Moderate ${data.pendingComments} pending ${data.pendingComments === 1 ? 'comment' : 'comments'}`}</a>
          </p>
        </Panel>
      ) : null}
      {data.scheduled ? (
        <Panel title="Scheduled" count={data.scheduled.length}>
          {data.scheduled.length === 0 ? (
            <p className="byline-dashboard__empty">Nothing is scheduled. Schedule from an article’s Publish menu.</p>
          ) : (
            <ul>{data.scheduled.map(scheduledItem)}</ul>
          )}
        </Panel>
      ) : null}
      {data.myDrafts ? (
        <Panel title="My drafts" count={data.myDrafts.length}>
          {data.myDrafts.length === 0 ? (
            <p className="byline-dashboard__empty">No drafts under your byline.</p>
          ) : (
            <ul>
              {data.myDrafts.map((item) =>
                articleItem(
                  item,
                  <>
                    <span className={`byline-dashboard__state byline-dashboard__state--${item.reviewState}`}>{REVIEW_STATE_LABELS[item.reviewState]}</span>
                    {item.reviewState === 'changes-requested' && item.note ? <q className="byline-dashboard__note">{item.note}</q> : null}
                  </>,
                ),
              )}
            </ul>
          )}
        </Panel>
      ) : null}
    </div>
  )
}
