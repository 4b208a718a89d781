'use client'

import type { DocumentInfoProps } from '@payloadcms/ui'
import type { DocumentViewClientProps } from 'payload'

import {
  DefaultEditView,
  DocumentInfoProvider,
  useConfig,
  useDocumentInfo,
  useAllFormFields,
  useDocumentTitle,
  useForm,
  useFormModified,
  useLocale,
} from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { createContext, use, useEffect, useRef, useState } from 'react'

/**
 * "Create New" without stray drafts, and without ever replacing the form under the writer (#11).
 *
 * The create view opens unsaved (app/(payload)/admin/collections/[collection]/create). At the
 * writer's first input CreateOnFirstInput saves the draft; the document info under Payload's edit
 * view then switches to the new id in place, the way Payload's document drawer moves from create
 * to edit, and the address becomes the document's with history.replaceState. Nothing navigates,
 * so the form, and everything typed while the draft was being made, stays where it is. From then
 * on Payload's own autosave, publish and "Submit for review" work on the new id as on any draft.
 */

type Created = { id: number | string; data: Record<string, unknown> }

const CreatedContext = createContext<(created: Created) => void>(() => {})

const messages = {
  notSaved: 'The draft could not be saved yet; it is tried again as you type.',
}

/** The query of Payload's own saves from the edit view (its autosave's, with `autosave`). */
function query({ locale, autosave }: { locale?: string; autosave?: boolean }): string {
  return new URLSearchParams({ ...(autosave && { autosave: 'true' }), depth: '0', draft: 'true', 'fallback-locale': 'null', ...(locale && { locale }) }).toString()
}

/** The edit view of articles and pages: Payload's own, for a new document inside CreateInPlace. */
export function CreateInPlaceEditView(props: DocumentViewClientProps) {
  const { id, collectionSlug } = useDocumentInfo()
  if (id || !collectionSlug) return <DefaultEditView {...props} />
  return (
    <CreateInPlace>
      <DefaultEditView
        {...props}
        BeforeDocumentControls={
          <>
            {props.BeforeDocumentControls}
            <CreateOnFirstInput />
          </>
        }
      />
    </CreateInPlace>
  )
}

/**
 * Document info for the view below it: the create view's own until the draft exists, then the
 * same with the new id. A nested provider, so its props can change without the page reloading;
 * `initialState` stays the same object, so the form keeps its fields.
 */
function CreateInPlace({ children }: { children: React.ReactNode }) {
  const outer = useDocumentInfo()
  const { setDocumentTitle: setHeaderTitle } = useDocumentTitle()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { code: locale } = useLocale()
  const [created, setCreated] = useState<Created | null>(null)

  const search = new URLSearchParams({ draft: 'true', ...(locale ? { locale } : {}) })
  const info = {
    ...(outer as unknown as DocumentInfoProps),
    ...(created && {
      id: created.id,
      apiURL: formatAdminURL({ apiRoute: api, path: `/${outer.collectionSlug}/${created.id}?${search.toString()}` }),
      isEditing: true,
    }),
    // The view moves nowhere after the first save: this provider switches to the new id instead.
    redirectAfterCreate: false,
  } satisfies DocumentInfoProps

  return (
    <CreatedContext value={setCreated}>
      <DocumentInfoProvider {...info}>
        <FollowTitle setHeaderTitle={setHeaderTitle} />
        {children}
      </DocumentInfoProvider>
    </CreatedContext>
  )
}

/** The page's header sits outside the nested provider: it shows the title the form sets inside it. */
function FollowTitle({ setHeaderTitle }: { setHeaderTitle: (title: string) => void }) {
  const { title } = useDocumentTitle()
  useEffect(() => setHeaderTitle(title), [setHeaderTitle, title])
  return null
}

/**
 * Saves the draft at the writer's first input, as Payload's create view would have on opening,
 * but with what the form holds; then hands the id to CreateInPlace and, once the form works on
 * that id, saves whatever was typed meanwhile the way autosave does (merging, never overwriting,
 * what the writer types during the save). Renders nothing.
 */
function CreateOnFirstInput() {
  const { id, collectionSlug, getDocPermissions } = useDocumentInfo()
  const setCreated = use(CreatedContext)
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { code: locale } = useLocale()
  const { getData, setBackgroundProcessing, submit } = useForm()
  const modified = useFormModified()
  // Read so that a failed first save is tried again at the next change.
  const [fields] = useAllFormFields()
  const saving = useRef(false)
  // What the first save sent, and the document it made, until the form works on its id.
  const first = useRef<{ sent: Record<string, unknown>; doc: Created['data'] } | null>(null)

  useEffect(() => {
    if (id || !collectionSlug || !modified || saving.current) return
    saving.current = true
    const data = getData()
    void (async () => {
      try {
        const response = await fetch(formatAdminURL({ apiRoute: api, path: `/${collectionSlug}?${query({ locale })}` }), {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...data, _status: 'draft' }),
        })
        const json = (await response.json().catch(() => ({}))) as { doc?: Created['data'] & { id?: number | string } }
        if (!response.ok || json.doc?.id === undefined) throw new Error(`${response.status}`)
        first.current = { sent: data, doc: json.doc }
        // The address the document will have on reload. Without its own state, Next takes the
        // new address into its router too (usePathname, and any later refresh, see the document).
        window.history.replaceState(null, '', `${window.location.pathname.replace(/\/create$/, `/${json.doc.id}`)}${window.location.search}`)
        setCreated({ id: json.doc.id, data: json.doc })
      } catch {
        // Nothing was made: the next change tries again.
        console.warn(messages.notSaved)
        saving.current = false
      }
    })()
  }, [api, collectionSlug, fields, getData, id, locale, modified, setCreated])

  // The form now works on the new document: its permissions are that document's, and anything
  // typed while the draft was being made is saved now rather than at the next keystroke.
  useEffect(() => {
    if (!id || !first.current) return
    const { sent, doc } = first.current
    first.current = null
    void getDocPermissions(doc)
    if (JSON.stringify(getData()) === JSON.stringify(sent)) return
    setBackgroundProcessing(true)
    void submit({
      acceptValues: { overrideLocalChanges: false },
      action: formatAdminURL({ apiRoute: api, path: `/${collectionSlug}/${id}?${query({ locale, autosave: true })}` }),
      disableFormWhileProcessing: false,
      disableSuccessStatus: true,
      method: 'PATCH',
      overrides: { _status: 'draft' },
      skipValidation: true,
    }).finally(() => setBackgroundProcessing(false))
    // Once, as the id arrives; the form's functions are read as they are then.
  }, [id])

  return null
}
