import type { Access } from 'payload'

import { CONTRIBUTORS, hasRole } from './roles'

/** What everybody may read: published pages. Reader reads that skip Payload's access checks filter with this. */
export const PUBLIC_PAGES = { _status: { equals: 'published' } } as const

/**
 * The newsroom (editors, who write pages, and writers and contributors, who link to them) sees
 * drafts in the admin; moderators and the public see published pages only.
 */
export const canReadPage: Access = ({ req: { user } }) => (hasRole(user, ...CONTRIBUTORS) ? true : PUBLIC_PAGES)

/** A page's revision history holds its drafts: the newsroom's only (Payload's default shows it to any logged-in account). */
export const canReadPageVersions: Access = ({ req: { user } }) => hasRole(user, ...CONTRIBUTORS)
