import type { Access } from 'payload'

import { WRITERS, hasRole } from './roles'

/** Staff writers and up: they may add author profiles and cast members, which contributors may not. */
export const isWriterOrAbove: Access = ({ req: { user } }) => hasRole(user, ...WRITERS)
