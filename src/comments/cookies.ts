/**
 * The reader's comment cookies. Their names are shared with next.config.ts, which sends a reader
 * who has one to their own uncached view of an article, and with the deploy/ front cache, which
 * bypasses its micro-cache for them, and with the production server's response cache (src/productionServer).
 */
export const COMMENT_COOKIES = {
  /** Signed list of this browser's submitted comment ids (src/comments/pendingCookie.ts). */
  pending: 'byline_pending_comments',
  /** Name, email and website, when the reader ticked "Save my name…". */
  commenter: 'byline_commenter',
} as const
