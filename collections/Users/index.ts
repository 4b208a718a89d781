import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isEditorOrSelf } from '@/access/isEditorOrSelf'
import { isStaff } from '@/access/isStaff'
import { hasRole, ROLES } from '@/access/roles'

import { assignFirstUserAdmin } from './hooks/assignFirstUserAdmin'
import { forgetStaffAfterChange, forgetStaffAfterDelete } from './hooks/forgetStaff'

export const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: 'Newsroom',
    // Everyone else manages only their own account, from the account page.
    hidden: ({ user }) => !hasRole(user, 'admin', 'editor'),
  },
  access: {
    admin: isStaff,
    read: isEditorOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [assignFirstUserAdmin],
    afterChange: [forgetStaffAfterChange],
    afterDelete: [forgetStaffAfterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['contributor'],
      saveToJWT: true,
      options: ROLES.map((role) => ({ label: role[0]?.toUpperCase() + role.slice(1), value: role })),
      // Only admins hand out roles, so nobody can raise their own.
      access: { create: isAdminField, update: isAdminField },
    },
  ],
}
