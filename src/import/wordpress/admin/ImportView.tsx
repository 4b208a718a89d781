import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'

import { hasRole } from '@/access/roles'

import { MAX_UPLOAD_BYTES } from '../endpoint'
import { ImportForm } from './ImportForm.client'
import { IMPORT_API_PATH, IMPORT_VIEW_PATH } from './paths'

import './import.scss'

const messages = {
  adminsOnly: 'Only administrators can import a WordPress site.',
}

/**
 * /admin/import/wordpress: upload a WordPress export, follow the import, read its report.
 * Payload lets custom views through without its admin-access check, so this view sends visitors
 * to the login page itself; the API refuses everyone but admins too (../endpoint.ts).
 */
export async function ImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  if (!user) redirect(`${formatAdminURL({ adminRoute, path: payload.config.admin.routes.login })}?redirect=${encodeURIComponent(formatAdminURL({ adminRoute, path: IMPORT_VIEW_PATH }))}`)
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
      viewType="wordpressImport"
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: 'Import from WordPress' }]} />
      <Gutter className="wp-import">
        <h1>Import from WordPress</h1>
        {hasRole(user, 'admin') ? (
          <ImportForm apiURL={`${payload.config.serverURL}${payload.config.routes.api}${IMPORT_API_PATH}`} maxBytes={MAX_UPLOAD_BYTES} />
        ) : (
          <p>{messages.adminsOnly}</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
