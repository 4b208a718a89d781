import type { Access } from 'payload'

import { hasRole } from './roles'

export const isEditorOrAbove: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
