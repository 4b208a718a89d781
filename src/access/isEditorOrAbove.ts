import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

export const isEditorOrAbove: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

export const isEditorOrAboveField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
