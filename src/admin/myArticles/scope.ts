import type { Where } from 'payload'

import { BYLINE_ONLY, EDITORS, hasRole } from '@/access/roles'

/**
 * "My articles" in the article list: the articles under the user's own bylines. Writers and
 * contributors start there; editors start with the whole newsroom. Whichever the user picks last
 * is kept as their preference.
 */

export type ArticleScope = 'all' | 'mine'

/** The key of the user's choice among Payload's admin preferences. */
export const SCOPE_PREFERENCE = 'byline-articles-scope'

type MaybeUser = Parameters<typeof hasRole>[0]

export function initialScope({ user, stored }: { user: MaybeUser; stored: unknown }): ArticleScope {
  if (stored === 'all' || stored === 'mine') return stored
  return hasRole(user, ...BYLINE_ONLY) && !hasRole(user, ...EDITORS) ? 'mine' : 'all'
}

export const mineWhere = (authorIds: string[]): Where => ({ authors: { in: authorIds } })

/** Whether a list query is exactly "my articles" (the filter this toggle sets, as it comes back from the URL). */
export function isMine(where: unknown, authorIds: string[]): boolean {
  if (typeof where !== 'object' || where === null) return false
  const keys = Object.keys(where)
  const filter = (where as { authors?: { in?: unknown } }).authors?.in
  const ids = Array.isArray(filter) ? filter.map(String) : typeof filter === 'string' ? filter.split(',') : []
  return keys.length === 1 && ids.length === authorIds.length && authorIds.every((id) => ids.includes(id))
}

/** An empty list query (no filter, no search): the only one the default scope may replace. */
export const isUnfiltered = ({ where, search }: { where?: unknown; search?: unknown }) =>
  (typeof where !== 'object' || where === null || Object.keys(where).length === 0) && !search
