import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { redirect } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'

/**
 * A screen of our own in the admin (the moderation queue, the WordPress import), in Payload's
 * frame: its navigation and header. Payload lets custom views through without its admin-access
 * check, so this sends visitors to the login page (and back to `path` after it), and accounts
 * without admin access to Payload's "unauthorized" page. What each role may do on the screen is
 * the screen's own business.
 */
export function AdminScreen({ initPageResult, params, searchParams, path, viewType, children }: AdminViewServerProps & { path: `/${string}`; viewType: string; children: ReactNode }) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  const here = formatAdminURL({ adminRoute, path })
  if (!user) redirect(`${formatAdminURL({ adminRoute, path: payload.config.admin.routes.login })}?redirect=${encodeURIComponent(here)}`)
  if (!permissions.canAccessAdmin) redirect(formatAdminURL({ adminRoute, path: payload.config.admin.routes.unauthorized }))

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      viewType={viewType}
      visibleEntities={visibleEntities}
    >
      {children}
    </DefaultTemplate>
  )
}
