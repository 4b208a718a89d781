import type { FieldAccess, RelationshipField } from 'payload'

import { isStaff } from '@/access/isStaff'

/** Only the server writes ownership: a client can neither claim a record nor hand it to someone else. */
const noClientWrites: FieldAccess = () => false

/**
 * The account that created the record, which makes it "their own" for access control. Field
 * access has already stripped any client-supplied value when this hook runs. On create the
 * Local API acting as the system (the seed, with no user) may set it explicitly; after that it
 * never changes, and deleting the account clears it (ON DELETE SET NULL).
 */
export const createdByField = (): RelationshipField => ({
  name: 'createdBy',
  type: 'relationship',
  relationTo: 'users',
  index: true,
  access: { read: isStaff, create: noClientWrites, update: noClientWrites },
  admin: { position: 'sidebar', readOnly: true, description: 'Set when the record is created.' },
  hooks: {
    beforeChange: [
      ({ operation, req, value, originalDoc }) => {
        if (operation === 'create') return req.user?.id ?? value
        return originalDoc?.createdBy ?? value
      },
    ],
  },
})
