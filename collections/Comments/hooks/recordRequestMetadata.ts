import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

import { senderMetadata } from '@/comments/senderMetadata'

/**
 * Stores what moderation needs to recognise a sender (`src/comments/senderMetadata.ts`) on a new
 * comment. Runs after field access has stripped any client-supplied values, so only the server
 * can set these.
 */
export const recordRequestMetadata: CollectionBeforeChangeHook<Comment> = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.headers) return data
  return { ...data, ...senderMetadata({ headers: req.headers, secret: req.payload.secret }) }
}
