import type { FieldAccess } from 'payload'

import { BYLINE_ONLY, EDITORS, hasRole } from './roles'

/**
 * Editors move a review any way (publish it, send it back). The authors of a draft may only submit
 * it: any other value they send is dropped, and the stored state stays. Which drafts are theirs
 * is the collection's update access; this narrows what they may do to the review field.
 */
export const canSetReviewState: FieldAccess = ({ req: { user }, siblingData }) => {
  if (hasRole(user, ...EDITORS)) return true
  return hasRole(user, ...BYLINE_ONLY) && (siblingData as { state?: unknown } | undefined)?.state === 'submitted'
}
