import { createHmac } from 'node:crypto'

/**
 * The client's address as the nearest proxy reports it. Trusting forwarded headers from
 * anywhere is the foundation's stop-gap; the comments issue restricts it to configured proxies.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded || headers.get('x-real-ip')?.trim() || null
}

/** A keyed hash: equal addresses match each other, but the address can't be recovered or brute-forced without the secret. */
export function hashIp({ ip, secret }: { ip: string; secret: string }): string {
  return createHmac('sha256', `byline-ip:${secret}`).update(ip).digest('hex')
}
