import type { Endpoint, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { EmptyDraftCollection } from './emptyDrafts'

import { canClearEmptyDrafts, DEFAULT_MIN_AGE_MINUTES, deleteEmptyDrafts, findEmptyDrafts, MAX_BATCH, messages } from './emptyDrafts'

function refuseNonEditors(req: PayloadRequest) {
  if (!canClearEmptyDrafts(req.user)) throw new APIError(messages.notEditor, 403, null, true)
}

function parseAge(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_MIN_AGE_MINUTES
  const minutes = Number(value)
  if (!Number.isInteger(minutes) || minutes < 0) throw new APIError(messages.badAge, 400, null, true)
  return minutes
}

async function parseIds(req: PayloadRequest): Promise<string[]> {
  const body: unknown = await req.json?.().catch(() => null)
  const ids = typeof body === 'object' && body !== null ? (body as { ids?: unknown }).ids : undefined
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_BATCH || !ids.every((id) => typeof id === 'string' && id !== '')) {
    throw new APIError(messages.badIds, 400, null, true)
  }
  return ids
}

/**
 * `GET /api/{collection}/empty-drafts?olderThanMinutes=60` lists the empty drafts;
 * `POST /api/{collection}/empty-drafts/delete` with `{ ids }` deletes those still empty.
 * Editors and admins only (the screen at /admin/empty-drafts calls them).
 */
export const emptyDraftsEndpoints = (collection: EmptyDraftCollection): Endpoint[] => [
  {
    path: '/empty-drafts',
    method: 'get',
    handler: async (req) => {
      refuseNonEditors(req)
      const olderThanMinutes = parseAge(req.searchParams.get('olderThanMinutes'))
      const docs = await findEmptyDrafts({ payload: req.payload, req, collection, olderThanMinutes })
      return Response.json({ docs, olderThanMinutes })
    },
  },
  {
    path: '/empty-drafts/delete',
    method: 'post',
    handler: async (req) => {
      refuseNonEditors(req)
      const olderThanMinutes = parseAge(req.searchParams.get('olderThanMinutes'))
      const ids = await parseIds(req)
      return Response.json(await deleteEmptyDrafts({ req, collection, ids, olderThanMinutes }))
    },
  },
]
