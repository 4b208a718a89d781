import type { ListViewServerProps } from 'payload'

import Link from 'next/link'
import { formatAdminURL } from 'payload/shared'

import type { EmptyDraftCollection } from './emptyDrafts'

import { canClearEmptyDrafts, EMPTY_DRAFTS_PATH, findEmptyDrafts } from './emptyDrafts'

/** Above the article and page lists, for editors: how many empty drafts wait to be cleared, and where. */
export async function EmptyDraftsNotice({ payload, user, collectionConfig }: Pick<ListViewServerProps, 'payload' | 'user' | 'collectionConfig'>) {
  const collection = collectionConfig.slug as EmptyDraftCollection
  if (!canClearEmptyDrafts(user)) return null
  const drafts = await findEmptyDrafts({ payload, collection })
  if (drafts.length === 0) return null
  const href = formatAdminURL({ adminRoute: payload.config.routes.admin, path: EMPTY_DRAFTS_PATH })
  return (
    <p className="empty-drafts-notice">
      <Link href={href} prefetch={false}>
        {drafts.length === 1 ? '1 empty draft' : `${drafts.length} empty drafts`} saved with nothing in them: review and delete
      </Link>
    </p>
  )
}
