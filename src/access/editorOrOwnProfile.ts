import type { Access } from 'payload'

import { EDITORS, hasRole } from './roles'

/**
 * Editors change any author profile. Writers change the profiles they created and, like
 * contributors, the profile linked to their own account (their bio, their portrait).
 */
export const editorOrOwnProfile: Access = ({ req: { user } }) => {
  if (hasRole(user, ...EDITORS)) return true
  if (!user) return false
  const linked = { user: { equals: user.id } }
  if (hasRole(user, 'writer')) return { or: [linked, { createdBy: { equals: user.id } }] }
  if (hasRole(user, 'contributor')) return linked
  return false
}
