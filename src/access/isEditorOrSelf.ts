import type { Access } from 'payload'

import { EDITORS, hasRole } from './roles'

/** Editors and admins see the whole newsroom; anyone else only their own account. */
export const isEditorOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, ...EDITORS)) return true
  return { id: { equals: user.id } }
}
