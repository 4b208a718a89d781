import type { Access } from 'payload'

import type { Role } from './roles'

import { EDITORS, hasRole } from './roles'

/**
 * Editors change any record; the given roles change the records they created themselves
 * (`createdBy`, set by the server). For media, cast and the like.
 */
export const editorOrCreator =
  (...roles: Role[]): Access =>
  ({ req: { user } }) => {
    if (hasRole(user, ...EDITORS)) return true
    if (!user || !hasRole(user, ...roles)) return false
    return { createdBy: { equals: user.id } }
  }
