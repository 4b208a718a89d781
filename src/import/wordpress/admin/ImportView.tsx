import type { AdminViewServerProps } from 'payload'

import { Gutter, SetStepNav } from '@payloadcms/ui'

import { isAdminUser } from '@/access/isAdmin'
import { AdminScreen } from '@/admin/AdminScreen'

import { MAX_UPLOAD_BYTES } from '../endpoint'
import { ImportForm } from './ImportForm.client'
import { IMPORT_API_PATH, IMPORT_VIEW_PATH } from './paths'

import './import.scss'

const messages = {
  adminsOnly: 'Only administrators can import a WordPress site.',
}

/**
 * /admin/import/wordpress: upload a WordPress export, follow the import, read its report. The API
 * refuses everyone but admins too (../endpoint.ts).
 */
export function ImportView(props: AdminViewServerProps) {
  const { payload, user } = props.initPageResult.req
  return (
    <AdminScreen {...props} path={IMPORT_VIEW_PATH} viewType="wordpressImport">
      <SetStepNav nav={[{ label: 'Import from WordPress' }]} />
      <Gutter className="wp-import">
        <h1>Import from WordPress</h1>
        {isAdminUser(user) ? (
          <ImportForm apiURL={`${payload.config.serverURL}${payload.config.routes.api}${IMPORT_API_PATH}`} maxBytes={MAX_UPLOAD_BYTES} />
        ) : (
          <p>{messages.adminsOnly}</p>
        )}
      </Gutter>
    </AdminScreen>
  )
}
