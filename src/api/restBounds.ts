import type { CollectionBeforeOperationHook, Config, Plugin } from 'payload'

import { APIError } from 'payload'

import { pageProblem, QUERY_BOUNDS } from './queryBounds'

/**
 * Payload's admin loads the documents a list shows in its relationship columns by id, 250 at a
 * time (`where[id][in]=…&limit=250`, @payloadcms/ui's RelationshipProvider). Such a lookup returns
 * at most the documents it names, whatever its limit.
 */
const ID_LOOKUP_LIMIT = 250

/**
 * Named explicitly: the production build shortens class names, and Payload answers an error
 * without a name as "An unknown error occurred." instead of with its message.
 */
class PageOutOfBounds extends APIError {
  constructor(message: string) {
    super(message, 400)
    this.name = 'PageOutOfBounds'
  }
}

/** How many ids a top-level `where[id][in]` names (top-level conditions all apply), or null without one. */
function idLookupSize(where: unknown): number | null {
  const ids = (where as { id?: { in?: unknown } } | undefined)?.id?.in
  if (Array.isArray(ids)) return ids.length
  if (typeof ids === 'string') return ids.split(',').length
  return null
}

/**
 * Refuses a REST list request for more than a page (`limit=100000`, `limit=0`, `pagination=false`)
 * with 400 before anything is read. It reads the request's own query string, so the lookups that
 * access rules make inside the request (which read whole lists on purpose) are not affected, and
 * only GET requests: the admin's bulk delete and update send `limit=0` with a filter, and mean it.
 */
const refuseUnboundedPages: CollectionBeforeOperationHook = ({ args, req }) => {
  if (req.payloadAPI !== 'REST' || req.method?.toUpperCase() !== 'GET') return args
  const query = (req.query ?? {}) as { limit?: unknown; pagination?: unknown; where?: unknown }
  const lookup = idLookupSize(query.where)
  const maxLimit = lookup !== null && lookup <= ID_LOOKUP_LIMIT ? ID_LOOKUP_LIMIT : QUERY_BOUNDS.maxLimit
  const problem = pageProblem({ limit: query.limit, pagination: query.pagination, maxLimit })
  if (problem) throw new PageOutOfBounds(problem)
  return args
}

/** Adds the page bound to every collection of the config, so a collection added later is covered too. */
export const boundedRestPages: Plugin = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [refuseUnboundedPages, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
