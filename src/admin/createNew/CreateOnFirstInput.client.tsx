'use client'

import { useAllFormFields, useConfig, useDocumentInfo, useForm, useFormModified, useLocale } from '@payloadcms/ui'
import { formatAdminURL, getAutosaveInterval } from 'payload/shared'
import { useEffect, useRef } from 'react'

/** Where the writer was typing when the first save moved them to the new document's page. */
const FOCUS_KEY = 'byline:create-new:focus'

/**
 * Saves a new article or page as a draft once the writer has typed something and paused for
 * autosave's interval, the way autosave would. Payload's create view no longer makes the document
 * as it opens (src/admin/createNew/withoutEagerCreate.ts), so "Create New" left untouched leaves
 * nothing behind. Saving is Payload's own "Save draft": the form posts and Payload moves to the new
 * document's page, where autosave takes over and the writer's field has the focus again. Renders
 * nothing.
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
  // Read only so that every change restarts the pause below.
  const [fields] = useAllFormFields()
  const saving = useRef(false)
  const interval = docConfig ? getAutosaveInterval(docConfig) : 0

  useEffect(() => {
    if (id || !collectionSlug || !modified || saving.current) return
    // Saved once the writer has paused for autosave's interval; each change starts the wait again.
    const timer = setTimeout(() => {
      saving.current = true
      const active = document.activeElement
      if (isTextField(active) && active.id) sessionStorage.setItem(FOCUS_KEY, active.id)
      const search = new URLSearchParams({ depth: '0', 'fallback-locale': 'null', draft: 'true', ...(locale ? { locale } : {}) })
      void submit({
        action: formatAdminURL({ apiRoute: api, path: `/${collectionSlug}?${search.toString()}` }),
        method: 'POST',
        overrides: { _status: 'draft' },
        skipValidation: true,
      })
        .then((result) => {
          if (!result?.res?.ok) sessionStorage.removeItem(FOCUS_KEY)
        })
        .finally(() => {
          // A failed save (the form shows why) is tried again at the writer's next pause.
          saving.current = false
        })
    }, interval)
    return () => clearTimeout(timer)
  }, [api, collectionSlug, fields, id, interval, locale, modified, submit])

  // On the new document's page: back into the field the writer was typing in, at its end.
  useEffect(() => {
    if (!id) return
    const fieldId = sessionStorage.getItem(FOCUS_KEY)
    if (!fieldId) return
    sessionStorage.removeItem(FOCUS_KEY)
    const field = document.getElementById(fieldId)
    if (!isTextField(field)) return
    field.focus()
    field.setSelectionRange(field.value.length, field.value.length)
  }, [id])

  return null
}

function isTextField(element: Element | null): element is HTMLInputElement | HTMLTextAreaElement {
  return element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && element.type === 'text')
}
