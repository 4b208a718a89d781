import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { forgetRecords } from '@/cache/records'
import { tag } from '@/cache/tags'
import { afterResponse } from '@/lib/afterResponse'

/**
 * Who moderates is remembered (src/comments/stores.ts), so a held comment's notice does not
 * look the staff up every time. Any change to an account may change it: forget it now, and again
 * once the request has answered, when the change is committed and a notice that read the old
 * roles meanwhile (on another connection) cannot keep them.
 */
async function forgetStaff() {
  const forget = () => forgetRecords([tag.staff])
  forget()
  await afterResponse(forget)
}

export const forgetStaffAfterChange: CollectionAfterChangeHook = async ({ doc }) => {
  await forgetStaff()
  return doc
}

export const forgetStaffAfterDelete: CollectionAfterDeleteHook = async ({ doc }) => {
  await forgetStaff()
  return doc
}
