import type { ListViewServerProps } from 'payload'

import { formatAdminURL } from 'payload/shared'

import type { Media } from '@/payload-types'

import { MediaGrid } from './MediaGrid'
import { MediaListLayout } from './MediaListLayout.client'

import './media.css'

/**
 * The media library as a thumbnail grid (issue #11, item 15). Payload 3.90 has no grid mode for a
 * collection's list (its only grid is the folder browser, which needs `folders` and a new
 * collection), so this replaces the list view's `Component` and keeps everything else Payload's:
 * the search box (`listSearchableFields`), filters, pagination and per-page, the create button,
 * and the query already run by Payload's list view with the viewer's access. Only the table is
 * swapped for the grid; the "choose an image" drawer keeps Payload's table, whose rows select.
 */
export function MediaListView(props: ListViewServerProps) {
  const {
    // Server-only props (Payload's instance, the request's i18n, the raw config) stay here.
    collectionConfig: _collectionConfig,
    data,
    i18n: _i18n,
    limit: _limit,
    listSearchableFields: _listSearchableFields,
    locale: _locale,
    params: _params,
    payload,
    permissions: _permissions,
    searchParams: _searchParams,
    user: _user,
    ...clientProps
  } = props
  const adminRoute = payload.config.routes.admin
  const editURL = (id: string) => formatAdminURL({ adminRoute, path: `/collections/media/${id}` })
  const docs = (data?.docs ?? []) as Media[]
  return <MediaListLayout {...clientProps} Grid={<MediaGrid docs={docs} editURL={editURL} />} />
}
