import type { FieldAccess, RelationshipField } from 'payload'

import { isStaff } from '@/access/isStaff'

/** Only the server says who saved: a client cannot put a colleague's name on its edit. */
const noClientWrites: FieldAccess = () => false

/**
 * The account that saved this state of the document. Payload copies every field into the version
 * it writes, so each version (autosaves included) records who made it, and the versions list and
 * compare view show it (src/admin/versions). Field access has already stripped any
 * client-supplied value when this hook runs. A save without a signed-in account (the seed, an
 * import) records nobody rather than passing on the previous editor's name. It names staff
 * accounts, so only staff read it: readers get it through neither REST nor GraphQL.
 */
export const lastEditedByField = (): RelationshipField => ({
  name: 'lastEditedBy',
  type: 'relationship',
  relationTo: 'users',
  access: { read: isStaff, create: noClientWrites, update: noClientWrites },
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: 'Who saved this version.',
    components: { Diff: '@/admin/versions/EditorDiff#EditorDiff' },
  },
  hooks: {
    beforeChange: [({ req }) => req.user?.id ?? null],
  },
})
