import type { DashboardViewServerProps } from '@payloadcms/next/views'

import { DefaultDashboard } from '@payloadcms/next/views'
import { formatAdminURL } from 'payload/shared'

import { LandOnQueue } from './LandOnQueue.client'
import { QueuePanel } from './ModerationView'
import { landsOnQueue, QUEUE_PATH } from './roles'

/**
 * The admin's home: moderators get their queue right here (after logging in, and whenever they
 * open /admin), everyone else Payload's dashboard. The queue is rendered in place, not redirected
 * to: a redirect during the login's client-side navigation showed a blank page for about half a
 * second while the browser went round again. Then the router moves on to the queue's own page,
 * with this copy on screen until it is ready.
 */
export function DashboardOrQueue(props: DashboardViewServerProps) {
  if (!landsOnQueue(props.user)) return <DefaultDashboard {...props} />
  return (
    <>
      <LandOnQueue href={formatAdminURL({ adminRoute: props.payload.config.routes.admin, path: QUEUE_PATH })} />
      <QueuePanel initPageResult={props.initPageResult} searchParams={props.searchParams} />
    </>
  )
}
