'use client'

import type { DocumentInfoProps } from '@payloadcms/ui'
import type { DocumentViewClientProps } from 'payload'

import {
  DefaultEditView,
  DocumentInfoProvider,
  useConfig,
  useAllFormFields,
  useDocumentInfo,
  useDocumentTitle,
  useForm,
  useFormModified,
  useLocale,
  useModal,
} from '@payloadcms/ui'
import { formatAdminURL, getAutosaveInterval } from 'payload/shared'
import { createContext, use, useEffect, useRef, useState } from 'react'

/**
 * "Create New" without stray drafts, and without ever replacing the form under the writer (#11).
 *
 * The create view opens unsaved (app/(payload)/admin/collections/[collection]/create). Once the
 * writer has typed and paused, CreateOnFirstInput saves the draft, as autosave would have; the
 * document info under Payload's edit view then switches to the new id in place, the way Payload's
 * document drawer moves from create to edit, and the address becomes the document's with
 * history.replaceState once the form is still (Payload closes open drawers when the address
 * changes, see MoveAddress). Nothing navigates, so the form, and everything typed while the draft
 * was being made, stays where it is. While that first save is on its way, Publish, Save draft and
 * Ctrl+S wait: with no id yet, they would make a second document. From then on Payload's own
 * autosave, publish and "Submit for review" work on the new id as on any draft.
 */

type Created = { id: number | string; data: Record<string, unknown> }

/** How long the form stays still before the address moves (see MoveAddress). */
const QUIET_MS = 1000

const CreatedContext = createContext<(created: Created) => void>(() => {})

const messages = {
  notSaved: 'The draft could not be saved yet; it is tried again at your next pause.',
}

/** The query of Payload's own saves from the edit view (its autosave's, with `autosave`). */
function query({ locale, autosave }: { locale?: string; autosave?: boolean }): string {
  return new URLSearchParams({
    ...(autosave && { autosave: 'true' }),
    depth: '0',
    draft: 'true',
    'fallback-locale': 'null',
    ...(locale && { locale }),
  }).toString()
}

/**
 * One number per create view the server renders: "Create New" again from a draft made here renders
 * the same route anew, and must start a new document rather than keep writing to this one.
 */
const renders = new WeakMap<object, number>()
let rendered = 0
function renderKey(formState: object): number {
  if (!renders.has(formState)) renders.set(formState, ++rendered)
  return renders.get(formState) as number
}

/** The edit view of articles and pages: Payload's own, for a new document inside CreateInPlace. */
export function CreateInPlaceEditView(props: DocumentViewClientProps) {
  const { id, collectionSlug } = useDocumentInfo()
  if (id || !collectionSlug) return <DefaultEditView {...props} />
  return (
    <CreateInPlace key={renderKey(props.formState)}>
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

  const search = new URLSearchParams({
    draft: 'true',
    ...(locale ? { locale } : {}),
  })
  const info = {
    ...(outer as unknown as DocumentInfoProps),
    ...(created && {
      id: created.id,
      apiURL: formatAdminURL({
        apiRoute: api,
        path: `/${outer.collectionSlug}/${created.id}?${search.toString()}`,
      }),
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
 * Saves the draft once the writer has typed and paused, as autosave would have (Payload's create
 * view made an empty one on opening), with what the form holds; then hands the id to
 * CreateInPlace, after which Payload's autosave saves what follows. If that first save was slow
 * enough for autosave to have skipped a pause (it had no id to save to), what was typed meanwhile
 * is saved at once, the way autosave does (merging, never overwriting, what the writer types
 * during the save).
 */
function CreateOnFirstInput() {
  const { id, collectionSlug, docConfig, getDocPermissions, setUploadStatus } = useDocumentInfo()
  const setCreated = use(CreatedContext)
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { code: locale } = useLocale()
  const { getData, setBackgroundProcessing, submit } = useForm()
  const modified = useFormModified()
  // Read so that every change restarts the wait for the writer's pause.
  const [fields] = useAllFormFields()
  const saving = useRef(false)
  // While the first save is on its way: the document has no id yet, so any other save would make a second one.
  const inFlight = useRef(false)
  // What the first save sent, and the document it made, until the form works on its id.
  const first = useRef<{
    sent: Record<string, unknown>
    doc: Created['data']
    startedAt: number
  } | null>(null)

  const interval = docConfig ? getAutosaveInterval(docConfig) : 0

  // Every change restarts the wait, as autosave's does: the first save comes at the writer's first
  // pause, with the words typed so far (a slug made from a title's first letter would stay).
  useEffect(() => {
    if (id || !collectionSlug || !modified || saving.current) return
    const timer = setTimeout(() => {
      saving.current = true
      void saveFirst()
    }, interval)
    return () => clearTimeout(timer)
  }, [collectionSlug, fields, id, interval, modified])

  // Ctrl+S (Payload's save-draft key) waits too: the draft it asks for is being made.
  useEffect(() => {
    const holdSaveKey = (event: KeyboardEvent) => {
      if (!inFlight.current || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return
      event.preventDefault()
      event.stopImmediatePropagation()
    }
    window.addEventListener('keydown', holdSaveKey, true)
    return () => window.removeEventListener('keydown', holdSaveKey, true)
  }, [])

  async function saveFirst() {
    const data = getData()
    const startedAt = Date.now()
    // Payload's Publish and Save draft buttons wait while a file uploads; they wait for this save the
    // same way, so a click during it cannot create a second document.
    inFlight.current = true
    setUploadStatus?.('uploading')
    try {
      const response = await fetch(
        formatAdminURL({
          apiRoute: api,
          path: `/${collectionSlug}?${query({ locale })}`,
        }),
        {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...data, _status: 'draft' }),
        },
      )
      const json = (await response.json().catch(() => ({}))) as {
        doc?: Created['data'] & { id?: number | string }
      }
      if (!response.ok || json.doc?.id === undefined) throw new Error(`${response.status}`)
      first.current = { sent: data, doc: json.doc, startedAt }
      setCreated({ id: json.doc.id, data: json.doc })
    } catch {
      // Nothing was made: the next pause tries again.
      console.warn(messages.notSaved)
      saving.current = false
    } finally {
      inFlight.current = false
      setUploadStatus?.('idle')
    }
  }

  // The form now works on the new document: its permissions are that document's, and anything
  // typed while a slow first save was being made is saved now rather than at the next pause.
  useEffect(() => {
    if (!id || !first.current) return
    const { sent, doc, startedAt } = first.current
    first.current = null
    void getDocPermissions(doc)
    // Autosave saves what was typed during a save quicker than its interval: it waits for the
    // writer's pause, and by then it has the id. A slower save may have let that pause go by.
    if (Date.now() - startedAt < interval || JSON.stringify(getData()) === JSON.stringify(sent)) return
    setBackgroundProcessing(true)
    void submit({
      acceptValues: { overrideLocalChanges: false },
      action: formatAdminURL({
        apiRoute: api,
        path: `/${collectionSlug}/${id}?${query({ locale, autosave: true })}`,
      }),
      disableFormWhileProcessing: false,
      disableSuccessStatus: true,
      method: 'PATCH',
      overrides: { _status: 'draft' },
      skipValidation: true,
    }).finally(() => setBackgroundProcessing(false))
    // Once, as the id arrives; the form's functions are read as they are then.
  }, [id])

  return id ? <MoveAddress id={id} /> : null
}

/**
 * Gives the page the new document's address, so a reload opens it. Without Next's own history
 * state, Next takes the address into its router too (usePathname, and any later refresh, see the
 * document). Payload closes every open drawer when the path changes (CloseModalOnRouteChange), and
 * Next applies the change in a transition that typing can hold back, so it is done once the form
 * has been still for a moment with no drawer open: never under a link or block being written.
 * Once only: then renders nothing.
 */
function MoveAddress({ id }: { id: number | string }) {
  const [fields] = useAllFormFields()
  const { modalState } = useModal()
  const [moved, setMoved] = useState(false)
  const drawerOpen = Object.values(modalState).some((modal) => modal?.isOpen)
  useEffect(() => {
    if (moved || drawerOpen) return
    // Every change of the form restarts the wait.
    const timer = setTimeout(() => {
      window.history.replaceState(null, '', `${window.location.pathname.replace(/\/create$/, `/${id}`)}${window.location.search}`)
      setMoved(true)
    }, QUIET_MS)
    return () => clearTimeout(timer)
  }, [drawerOpen, fields, id, moved])

  return null
}
