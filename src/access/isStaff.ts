import type { PayloadRequest } from 'payload'

import { hasRole, ROLES } from './roles'

/** Any newsroom account with at least one role: the gate to the admin panel. */
export const isStaff = ({ req: { user } }: { req: PayloadRequest }): boolean => hasRole(user, ...ROLES)
