import type { SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { hasAutosaveEnabled } from 'payload/shared'

/**
 * The config Payload's create view is rendered with (app/(payload)/admin/collections/[collection]/create):
 * autosave off for the collections that have it, and nothing else changed.
 *
 * Payload 3.90 creates an autosaving document the moment its create view opens, because autosave
 * needs an id to save to, so every "Create New" nobody typed into was left behind as an empty draft
 * (#11). The view decides this from the collection config it is handed, and its only other switch,
 * `versions.drafts.validate`, would also validate every autosave (a draft without a category could
 * not be saved). With autosave off here the view opens an unsaved form; CreateOnFirstInput
 * (CreateInPlace.client.tsx) saves it at the writer's first input and the same form, never
 * replaced, autosaves from then on.
 *
 * A copy, read only by the server while it renders the create view: the running Payload, the
 * admin's client config (so the browser's form keeps autosave) and every other view keep autosave.
 */
export function withoutEagerCreate(config: SanitizedConfig): SanitizedConfig {
  return { ...config, collections: config.collections.map(withoutAutosave) }
}

function withoutAutosave(collection: SanitizedCollectionConfig): SanitizedCollectionConfig {
  const { versions } = collection
  if (!hasAutosaveEnabled(collection) || !versions?.drafts) return collection
  return { ...collection, versions: { ...versions, drafts: { ...versions.drafts, autosave: false } } }
}
