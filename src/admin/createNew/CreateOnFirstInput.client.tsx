'use client'

import { useAllFormFields, useConfig, useDebounce, useDocumentInfo, useForm, useFormModified, useLocale } from '@payloadcms/ui'
import { formatAdminURL, getAutosaveInterval } from 'payload/shared'
import { useEffect, useRef } from 'react'

/**
 * Saves a new article or page as a draft once the writer has typed something and paused for
 * autosave's interval, the way autosave would. Payload's create view no longer makes the document
 * as it opens (src/admin/createNew/withoutEagerCreate.ts), so "Create New" left untouched leaves
 * nothing behind. Saving is Payload's own "Save draft": the form posts and Payload moves to the new
 * document's page, where autosave takes over. Renders nothing, and does nothing once there is an id.
 */
export function CreateOnFirstInput() {
  const { id, collectionSlug, docConfig } = useDocumentInfo()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { code: locale } = useLocale()
  const { submit } = useForm()
  const modified = useFormModified()
  const [fields] = useAllFormFields()
  // The form as it was an interval ago: once it equals the form now, the writer has paused.
  const settled = useDebounce(fields, docConfig ? getAutosaveInterval(docConfig) : 0)
  const saving = useRef(false)

  useEffect(() => {
    if (id || !collectionSlug || !modified || settled !== fields || saving.current) return
    saving.current = true
    const search = new URLSearchParams({ locale: locale ?? '', depth: '0', 'fallback-locale': 'null', draft: 'true' })
    void submit({
      action: formatAdminURL({ apiRoute: api, path: `/${collectionSlug}?${search.toString()}` }),
      method: 'POST',
      overrides: { _status: 'draft' },
      skipValidation: true,
    }).finally(() => {
      // A failed save (the form shows why) is tried again at the writer's next pause.
      saving.current = false
    })
  }, [api, collectionSlug, fields, id, locale, modified, settled, submit])

  return null
}
