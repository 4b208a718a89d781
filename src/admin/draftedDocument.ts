import type { CollectionConfig, Endpoint } from 'payload'

import type { EmptyDraftCollection } from './emptyDrafts/emptyDrafts'

import { emptyDraftsEndpoints } from './emptyDrafts/endpoints'

type CollectionViews = NonNullable<NonNullable<CollectionConfig['admin']>['components']>['views']
type Versions = Exclude<CollectionConfig['versions'], boolean | undefined>

/** Autosave's pause after the last keystroke: often enough to lose nothing, rare enough to keep the history readable. */
const AUTOSAVE_INTERVAL_MS = 2000

/**
 * What articles and pages share as documents the newsroom drafts, so that a change to how drafting
 * works is made once for both: autosave with a Save draft button and the last 50 versions kept;
 * Payload's edit view, where a new document is saved at the first input, in place
 * (src/admin/createNew), and its versions list with a "Saved by" column (src/admin/versions); and
 * for editors, the empty drafts "Create New" left behind and where to clear them
 * (src/admin/emptyDrafts). Each collection places these pieces in its own config beside its own.
 */
export function draftedDocument({ collection, schedulePublish }: { collection: EmptyDraftCollection; schedulePublish?: true }): {
  versions: Versions
  editViews: CollectionViews
  emptyDraftsNotice: string
  endpoints: Endpoint[]
} {
  return {
    versions: {
      drafts: {
        autosave: { interval: AUTOSAVE_INTERVAL_MS, showSaveDraftButton: true },
        ...(schedulePublish && { schedulePublish }),
      },
      maxPerDoc: 50,
    },
    editViews: {
      edit: {
        default: { Component: '@/admin/createNew/CreateInPlace.client#CreateInPlaceEditView' },
        versions: { Component: '@/admin/versions/VersionsView#VersionsView' },
      },
    },
    emptyDraftsNotice: '@/admin/emptyDrafts/EmptyDraftsNotice#EmptyDraftsNotice',
    endpoints: emptyDraftsEndpoints(collection),
  }
}
