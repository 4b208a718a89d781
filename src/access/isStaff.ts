import type { PayloadRequest } from 'payload'

import { hasRole, ROLES } from './roles'

/** Any newsroom account with at least one role. */
export const isStaffUser = (user: Parameters<typeof hasRole>[0]): boolean => hasRole(user, ...ROLES)

/** The gate to the admin panel (and to GraphQL, src/api/staffOnlyGraphQL.ts). */
export const isStaff = ({ req: { user } }: { req: PayloadRequest }): boolean => isStaffUser(user)
