'use client'

import { useAllFormFields, useConfig, useDocumentInfo, useForm, useFormInitializing, useFormModified, useFormProcessing, useLocale } from '@payloadcms/ui'
import { formatAdminURL, getAutosaveInterval } from 'payload/shared'
import { useEffect, useRef } from 'react'

/** Where the writer was typing when the first save moved them to the new document's page. */
const FOCUS_KEY = 'byline:create-new:focus'
/** How long after the first save the new page may still take the focus back. */
const FOCUS_WITHIN_MS = 10_000

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
  const initializing = useFormInitializing()
  const processing = useFormProcessing()
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
      if (isTextField(active) && active.id) sessionStorage.setItem(FOCUS_KEY, JSON.stringify({ field: active.id, at: Date.now() }))
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

  // On the new document's page, once its form takes input: back into the field the writer was
  // typing in, at its end.
  useEffect(() => {
    if (!id || initializing || processing) return
    const saved = sessionStorage.getItem(FOCUS_KEY)
    if (!saved) return
    const { field: fieldId, at } = JSON.parse(saved) as { field: string; at: number }
    const field = document.getElementById(fieldId)
    // Still disabled: tried again as the form settles, for a few seconds after the save.
    if (isTextField(field) && field.disabled && Date.now() - at < FOCUS_WITHIN_MS) return
    sessionStorage.removeItem(FOCUS_KEY)
    if (!isTextField(field) || field.disabled || Date.now() - at >= FOCUS_WITHIN_MS) return
    field.focus()
    field.setSelectionRange(field.value.length, field.value.length)
  }, [id, initializing, processing])

  return null
}

function isTextField(element: Element | null): element is HTMLInputElement | HTMLTextAreaElement {
  return element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && element.type === 'text')
}
