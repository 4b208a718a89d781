import type { CollectionBeforeOperationHook, Config, Plugin } from 'payload'

import { APIError } from 'payload'

import { pageProblem } from './queryBounds'

/**
 * Refuses a REST list request for more than a page (`limit=100000`, `limit=0`, `pagination=false`)
 * with 400 before anything is read. It reads the request's own query string, so the lookups that
 * access rules make inside the request (which read whole lists on purpose) are not affected, and
 * only GET requests: the admin's bulk delete and update send `limit=0` with a filter, and mean it.
 */
export const refuseUnboundedPages: CollectionBeforeOperationHook = ({ args, req }) => {
  if (req.payloadAPI !== 'REST' || req.method?.toUpperCase() !== 'GET') return args
  const query = (req.query ?? {}) as { limit?: unknown; pagination?: unknown }
  const problem = pageProblem({ limit: query.limit, pagination: query.pagination })
  if (problem) throw new APIError(problem, 400)
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
