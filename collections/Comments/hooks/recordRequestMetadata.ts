import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

import { clientIp, hashIp } from '@/lib/ipAddress'

/**
 * Keeps what moderation needs to recognise a sender (a salted hash of their IP and their user
 * agent) without ever storing the address itself. Runs after field access has stripped any
 * client-supplied values, so only the server can set these.
 */
export const recordRequestMetadata: CollectionBeforeChangeHook<Comment> = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.headers) return data
  const ip = clientIp(req.headers)
  const userAgent = req.headers.get('user-agent')?.slice(0, 500)
  return {
    ...data,
    ...(ip ? { ipHash: hashIp({ ip, secret: req.payload.secret }) } : {}),
    ...(userAgent ? { userAgent } : {}),
  }
}
