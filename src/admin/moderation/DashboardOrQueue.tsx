import type { DashboardViewServerProps } from '@payloadcms/next/views'

import { DefaultDashboard } from '@payloadcms/next/views'
import { redirect } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'

import { landsOnQueue, QUEUE_PATH } from './roles'

/**
 * The admin's home: moderators go straight to their queue (after logging in, and whenever they
 * open /admin); everyone else gets Payload's dashboard, with whatever it is configured to show.
 */
export function DashboardOrQueue(props: DashboardViewServerProps) {
  if (landsOnQueue(props.user)) redirect(formatAdminURL({ adminRoute: props.payload.config.routes.admin, path: QUEUE_PATH }))
  return <DefaultDashboard {...props} />
}
