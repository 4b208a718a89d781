import type { Column, DocumentViewServerProps, PayloadRequest } from 'payload'

import { Gutter, ListQueryProvider, Pill, SetDocumentStepNav } from '@payloadcms/ui'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'

import { formatDateTime } from '@/lib/timeZone'

import { editorName, editorNames } from './editorNames'
import { VersionsTable } from './VersionsTable.client'

const DEFAULT_LIMIT = 10
const MAX_LIMIT = 100

type VersionRow = {
  id: string | number
  updatedAt: string
  autosave?: boolean | null
  latest?: boolean | null
  version: { _status?: 'draft' | 'published' | null; lastEditedBy?: unknown }
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

const positive = (value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
  const parsed = Number.parseInt(value ?? '', 10)
  return Number.isInteger(parsed) && parsed > 0 ? Math.min(parsed, max) : fallback
}

const column = (accessor: string, label: string, renderedCells: React.ReactNode[]): Column => ({
  accessor,
  active: true,
  field: { name: accessor, type: 'text' },
  Heading: <span>{label}</span>,
  renderedCells,
})

async function loadVersions({ req, collection, parent, page, limit }: { req: PayloadRequest; collection: 'articles' | 'pages'; parent: string | number; page: number; limit: number }) {
  return req.payload.findVersions({
    collection,
    where: { parent: { equals: parent } },
    sort: '-updatedAt',
    page,
    limit,
    depth: 0,
    select: { updatedAt: true, autosave: true, latest: true, version: { _status: true, lastEditedBy: true } },
    overrideAccess: false,
    user: req.user,
    req,
  })
}

/**
 * An article's or page's versions, newest first, with who saved each. Payload's own versions list
 * (3.90) builds its columns inside and takes no extra ones, so this view replaces it with the
 * same parts (its table, pills, pagination and step navigation) plus a "Saved by" column. It reads
 * the versions as the signed-in account, so `readVersions` access decides what is listed.
 */
export async function VersionsView({ initPageResult, searchParams }: DocumentViewServerProps) {
  const { req, collectionConfig, docID } = initPageResult
  const collection = collectionConfig?.slug
  if (!collectionConfig || (collection !== 'articles' && collection !== 'pages') || docID === undefined) return notFound()
  const page = positive(one(searchParams?.page), 1)
  const limit = positive(one(searchParams?.limit), DEFAULT_LIMIT, MAX_LIMIT)
  const data = await loadVersions({ req, collection, parent: docID, page, limit })
  const docs = data.docs as unknown as VersionRow[]
  const names = await editorNames({ req, ids: docs.map((doc) => doc.version.lastEditedBy) })
  const adminRoute = req.payload.config.routes.admin
  const label = collectionConfig.labels.plural
  const pluralLabel = typeof label === 'function' ? label({ i18n: req.i18n, t: req.t }) : label

  const columns = [
    column(
      'updatedAt',
      'Saved',
      docs.map((doc) => (
        <Link key={doc.id} href={formatAdminURL({ adminRoute, path: `/collections/${collection}/${docID}/versions/${doc.id}` })} prefetch={false}>
          {formatDateTime(doc.updatedAt)}
        </Link>
      )),
    ),
    column(
      'lastEditedBy',
      'Saved by',
      docs.map((doc) => (
        <span key={doc.id} data-testid="version-saved-by">
          {editorName(names, doc.version.lastEditedBy)}
        </span>
      )),
    ),
    column(
      '_status',
      'Status',
      docs.map((doc) => (
        <span key={doc.id} className="autosave-cell__items">
          {doc.autosave ? <Pill size="small">Autosave</Pill> : null}
          <Pill size="small" pillStyle={doc.version._status === 'published' ? 'success' : 'light'}>
            {doc.version._status === 'published' ? 'Published' : 'Draft'}
          </Pill>
          {doc.latest ? <Pill size="small">Current</Pill> : null}
        </span>
      )),
    ),
  ]

  return (
    <>
      <SetDocumentStepNav collectionSlug={collection} id={docID} pluralLabel={pluralLabel} useAsTitle={collectionConfig.admin.useAsTitle} view="Versions" />
      <main className="versions">
        <Gutter className="versions__wrap">
          <ListQueryProvider data={data} modifySearchParams query={{ limit, page }}>
            <VersionsTable columns={columns} />
          </ListQueryProvider>
        </Gutter>
      </main>
    </>
  )
}
