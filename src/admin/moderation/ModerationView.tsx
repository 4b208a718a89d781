import type { AdminViewServerProps, AdminViewServerPropsOnly } from 'payload'

import { Gutter, SetStepNav } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'

import { hasCommentQueue } from '@/access/hasCommentQueue'
import { isAdminUser } from '@/access/isAdmin'
import { AdminScreen } from '@/admin/AdminScreen'
import { NEWSROOM } from '@/comments/newsroom'

import { ModerationQueue } from './ModerationQueue.client'
import { loadQueue, parseFilters, parsePage, parseStatus } from './queue'
import { QUEUE_PATH } from './roles'

import './moderation.scss'

const messages = {
  noQueue: 'Your account has no moderation queue. Comments are moderated by moderators, editors and admins.',
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * The queue under its heading, for whichever page shows it: its own view, and the dashboard a
 * moderator lands on after logging in (DashboardOrQueue), which shows it in place rather than
 * redirecting.
 */
export async function QueuePanel({ initPageResult, searchParams }: Pick<AdminViewServerPropsOnly, 'initPageResult' | 'searchParams'>) {
  const { req, permissions } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  const params = searchParams ?? {}
  const queue = hasCommentQueue(user)
    ? await loadQueue({ req, status: parseStatus(one(params.status)), page: parsePage(one(params.page)), filters: parseFilters(params) })
    : null
  return (
    <Gutter className="moderation">
      <SetStepNav nav={[{ label: 'Moderation queue' }]} />
      <h1 className="moderation__title">Moderation queue</h1>
      {queue ? (
        <ModerationQueue
          // A tab, page or search of its own starts afresh: no selection, nothing hidden as already moved.
          key={`${queue.status}:${queue.page}:${JSON.stringify(queue.filters)}`}
          {...queue}
          canModerate={Boolean(permissions.collections?.comments?.update)}
          canPurge={isAdminUser(user)}
          newsroomName={NEWSROOM.name}
          queueHref={formatAdminURL({ adminRoute, path: QUEUE_PATH })}
          apiURL={`${payload.config.serverURL}${payload.config.routes.api}`}
          adminRoute={adminRoute}
        />
      ) : (
        <p>{messages.noQueue}</p>
      )}
    </Gutter>
  )
}

/** /admin/moderation: comments by status, pending first, with the actions the signed-in account may take. */
export function ModerationView(props: AdminViewServerProps) {
  return (
    <AdminScreen {...props} path={QUEUE_PATH} viewType="moderation">
      <QueuePanel initPageResult={props.initPageResult} searchParams={props.searchParams} />
    </AdminScreen>
  )
}
