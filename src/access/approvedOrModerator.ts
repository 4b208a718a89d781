import type { Access } from 'payload'

import { hasRole } from './roles'

/** Moderators see the whole queue; everyone else sees approved comments only. */
export const approvedOrModerator: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor', 'moderator')) return true
  return { status: { equals: 'approved' } }
}
