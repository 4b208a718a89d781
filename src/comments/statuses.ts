/**
 * A comment's status, and what the admin calls it. Readers see approved comments only
 * (src/access/canReadComment.ts); the others wait in the moderation queue's tabs, in this order.
 */
export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const

export type CommentStatus = (typeof COMMENT_STATUSES)[number]

export const STATUS_LABELS: Record<CommentStatus, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash' }

/**
 * Filed away: off the site and out of the queue's work. Only these may be deleted for good or
 * emptied as a folder, and a comment in one cannot be answered until it is restored.
 */
export const FILED_STATUSES = ['spam', 'trash'] as const satisfies readonly CommentStatus[]

export type FiledStatus = (typeof FILED_STATUSES)[number]

export const isFiled = (status: unknown): status is FiledStatus => (FILED_STATUSES as readonly unknown[]).includes(status)

/** How a sentence names the folder a filed comment sits in: "in Spam", "in the Trash". */
export const FOLDER_NAMES: Record<FiledStatus, string> = { spam: 'Spam', trash: 'the Trash' }
