import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '@/payload-types'

/** The account that opens a new newsroom owns it: the first user is always an admin. */
export const assignFirstUserAdmin: CollectionBeforeChangeHook<User> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
