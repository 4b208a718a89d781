import type { Access, FieldAccess } from 'payload'

import { MODERATORS, hasRole } from './roles'

/** Who may see and change a comment's moderation state and private data. */
export const isModerator: Access = ({ req: { user } }) => hasRole(user, ...MODERATORS)

export const isModeratorField: FieldAccess = ({ req: { user } }) =>
  hasRole(user, ...MODERATORS)
