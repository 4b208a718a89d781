import type { Access } from 'payload'

import { hasRole } from './roles'

/** Staff writers and up: they may add author profiles and cast members, which contributors may not. */
export const isWriterOrAbove: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'writer')
