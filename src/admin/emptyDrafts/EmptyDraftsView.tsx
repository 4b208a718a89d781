import type { AdminViewServerProps } from 'payload'

import { Gutter, SetStepNav } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'

import { AdminScreen } from '@/admin/AdminScreen'
import { editorName, editorNames } from '@/admin/versions/editorNames'
import { formatDateTime } from '@/lib/timeZone'

import type { EmptyDraftRow } from './EmptyDraftsList.client'

import { EmptyDraftsList } from './EmptyDraftsList.client'
import { canClearEmptyDrafts, DEFAULT_MIN_AGE_MINUTES, EMPTY_DRAFT_COLLECTIONS, EMPTY_DRAFTS_PATH, findEmptyDrafts } from './emptyDrafts'

const messages = {
  notEditor: 'Empty drafts are cleared by editors and admins. Delete a draft of your own from its page.',
}

const parseAge = (value: string | string[] | undefined) => {
  const minutes = Number(Array.isArray(value) ? value[0] : value)
  return value !== undefined && Number.isInteger(minutes) && minutes >= 0 ? minutes : DEFAULT_MIN_AGE_MINUTES
}

const KIND = { articles: 'Article', pages: 'Page' } as const

/**
 * /admin/empty-drafts: the never-published drafts with nothing in them, articles and pages, that
 * nobody has touched for an hour, for editors to review and delete in one go.
 */
export async function EmptyDraftsView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  // "?olderThanMinutes=0" lists fresh ones too (an editor clearing up after a training session).
  const olderThanMinutes = parseAge(props.searchParams?.olderThanMinutes)
  let rows: EmptyDraftRow[] | null = null
  if (canClearEmptyDrafts(user)) {
    const drafts = (await Promise.all(EMPTY_DRAFT_COLLECTIONS.map((collection) => findEmptyDrafts({ payload, req, collection, olderThanMinutes })))).flat()
    const names = await editorNames({ req, ids: drafts.map((draft) => draft.lastEditedBy) })
    rows = drafts.map((draft) => ({
      id: draft.id,
      collection: draft.collection,
      kind: KIND[draft.collection],
      createdAt: formatDateTime(draft.createdAt),
      updatedAt: formatDateTime(draft.updatedAt),
      by: editorName(names, draft.lastEditedBy),
      href: formatAdminURL({ adminRoute, path: `/collections/${draft.collection}/${draft.id}` }),
    }))
  }
  return (
    <AdminScreen {...props} path={EMPTY_DRAFTS_PATH} viewType="emptyDrafts">
      <Gutter className="empty-drafts">
        <SetStepNav nav={[{ label: 'Empty drafts' }]} />
        <h1>Empty drafts</h1>
        <p>
          Drafts saved with nothing in them, most of them left by “Create New” before it waited for the first words. These were never published,
          have no title, excerpt, image or body text, and nobody has touched them for {olderThanMinutes} minutes.
        </p>
        {rows ? <EmptyDraftsList rows={rows} olderThanMinutes={olderThanMinutes} apiURL={`${payload.config.serverURL}${payload.config.routes.api}`} /> : <p>{messages.notEditor}</p>}
      </Gutter>
    </AdminScreen>
  )
}
