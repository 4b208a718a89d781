import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isEditorOrSelf } from '@/access/isEditorOrSelf'
import { isStaff } from '@/access/isStaff'
import { EDITORS, ROLES, hasRole } from '@/access/roles'

import { answerLoginFailuresAlike, forgetSuccessfulLogin, throttleForgotPassword, throttleLogin } from '@/accounts/hooks'

import { assignFirstUserAdmin } from './hooks/assignFirstUserAdmin'
import { forgetStaffAfterChange, forgetStaffAfterDelete } from './hooks/forgetStaff'

export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    // Sign-ins are throttled per address and per address + account (src/accounts), so one
    // outsider cannot lock a colleague out. Payload's lock, which counts failures from every
    // address together, stays only as a backstop against guessing spread over many addresses:
    // one address, held to 20 failures per account an hour, needs hours to reach it, and a
    // password reset lifts it at once.
    maxLoginAttempts: 100,
    lockTime: 15 * 60_000,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    // Everyone else manages only their own account, from the account page.
    hidden: ({ user }) => !hasRole(user, ...EDITORS),
  },
  access: {
    admin: isStaff,
    read: isEditorOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    // Unlocking resets the failure count: in anyone else's hands it would lift the lock on the
    // admin's account after every few guesses (issue #9).
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [throttleLogin, throttleForgotPassword],
    afterLogin: [forgetSuccessfulLogin],
    afterError: [answerLoginFailuresAlike],
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
