import { createHmac } from 'node:crypto'

/**
 * The client's address: the X-Forwarded-For entry `hops` from the right. Each proxy appends the
 * address it saw, so the rightmost entries are the only ones a client cannot forge; whatever a
 * client sends itself ends up further left and is ignored. `next start` fills the header from the
 * socket only when the client sent none, so a server exposed without a reverse proxy lets clients
 * pick their address: run behind one (BYLINE_PROXY_HOPS counts them, default 1).
 */
export function clientIp(headers: Headers, { hops = 1 }: { hops?: number } = {}): string | null {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (chain.length > 0) return chain[Math.max(0, chain.length - hops)] ?? null
  return headers.get('x-real-ip')?.trim() || null
}

/** A keyed hash: equal addresses match each other, but the address can't be recovered or brute-forced without the secret. */
export function hashIp({ ip, secret }: { ip: string; secret: string }): string {
  return createHmac('sha256', `byline-ip:${secret}`).update(ip).digest('hex')
}
