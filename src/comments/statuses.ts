/**
 * A comment's status, and what the admin calls it. Readers see approved comments only
 * (src/access/canReadComment.ts); the others wait in the moderation queue's tabs, in this order.
 */
export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const

export type CommentStatus = (typeof COMMENT_STATUSES)[number]

export const STATUS_LABELS: Record<CommentStatus, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash' }
