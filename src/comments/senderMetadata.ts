import { clientIp, hashIp } from '@/lib/ipAddress'

/** Longer user agents are cut, not refused: enough to tell browsers apart, bounded in storage. */
const USER_AGENT_MAX_LENGTH = 500

/**
 * What moderation keeps to recognise a sender, from the request's headers: a keyed hash of the
 * address the production server trusts (`clientIp`, `hashIp`), never the address itself, and the
 * user agent cut to 500 characters. A value the request does not carry is left out.
 */
export function senderMetadata({ headers, secret }: { headers: Headers; secret: string }): { ipHash?: string; userAgent?: string } {
  const ip = clientIp(headers)
  const userAgent = headers.get('user-agent')?.slice(0, USER_AGENT_MAX_LENGTH)
  return {
    ...(ip ? { ipHash: hashIp({ ip, secret }) } : {}),
    ...(userAgent ? { userAgent } : {}),
  }
}
