import type { FieldAccess, GroupField, UIField } from 'payload'

import { canSetReviewState } from '@/access/canSetReviewState'
import { isEditorOrAboveField } from '@/access/isEditorOrAbove'
import { isStaff } from '@/access/isStaff'

import { REVIEW_STATE_LABELS, REVIEW_STATES } from '@/articles/review'

/** Stamped by the server (hooks/applyReviewRules.ts); a client can neither forge nor clear it. */
const serverOnly: FieldAccess = () => false

const submitted = (_: unknown, siblingData: { state?: unknown } | undefined) => siblingData?.state !== undefined && siblingData.state !== 'none'

/**
 * Where a draft stands in review. The newsroom's business only: readers never see it. Contributors
 * submit with the "Submit for review" button (src/admin/review); editors see who submitted, and
 * send a draft back by choosing "Changes requested" and writing a note the author then reads here.
 */
export const reviewField: GroupField = {
  name: 'review',
  type: 'group',
  label: 'Review',
  access: { read: isStaff },
  admin: { position: 'sidebar' },
  fields: [
    {
      name: 'state',
      type: 'select',
      options: REVIEW_STATES.map((value) => ({ value, label: REVIEW_STATE_LABELS[value] })),
      defaultValue: 'none',
      index: true,
      access: { create: canSetReviewState, update: canSetReviewState },
      admin: { components: { Field: '@/admin/review/ReviewStateField.client#ReviewStateField' } },
    },
    {
      name: 'note',
      type: 'textarea',
      maxLength: 2000,
      access: { create: isEditorOrAboveField, update: isEditorOrAboveField },
      admin: {
        description: 'From the editor to the author: what has to change before the article can be published.',
        condition: (_, siblingData) => siblingData?.state === 'changes-requested' || Boolean(siblingData?.note),
      },
    },
    {
      name: 'submittedAt',
      type: 'date',
      access: { create: serverOnly, update: serverOnly },
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' }, condition: submitted },
    },
    {
      name: 'submittedBy',
      type: 'relationship',
      relationTo: 'users',
      access: { create: serverOnly, update: serverOnly },
      admin: { readOnly: true, condition: submitted },
    },
  ],
}

/**
 * The editor's note as a banner above the headline while the draft is sent back
 * (src/admin/review/ReviewNoteBanner.tsx). A UI field: it stores nothing.
 */
export const reviewNoteBanner: UIField = {
  name: 'reviewNoteBanner',
  type: 'ui',
  admin: { components: { Field: '@/admin/review/ReviewNoteBanner.client#ReviewNoteBanner' } },
}
