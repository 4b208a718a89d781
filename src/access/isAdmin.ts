import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Admins only: accounts, the WordPress import, deleting comments for good. */
export const isAdminUser = (user: Parameters<typeof hasRole>[0]): boolean => hasRole(user, 'admin')

export const isAdmin: Access = ({ req: { user } }) => isAdminUser(user)

export const isAdminField: FieldAccess = ({ req: { user } }) => isAdminUser(user)
