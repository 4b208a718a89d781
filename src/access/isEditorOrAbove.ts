import type { Access, FieldAccess } from 'payload'

import { EDITORS, hasRole } from './roles'

export const isEditorOrAbove: Access = ({ req: { user } }) => hasRole(user, ...EDITORS)

export const isEditorOrAboveField: FieldAccess = ({ req: { user } }) => hasRole(user, ...EDITORS)
