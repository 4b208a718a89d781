import { createHmac } from 'node:crypto'
import { isIP } from 'node:net'

/**
 * The client's address: the X-Forwarded-For entry `hops` from the right. The production server
 * (src/productionServer/requestHandler.ts) replaces the header with the one address it trusts (the socket's peer, or
 * what the proxies in BYLINE_TRUSTED_PROXIES report), so the default of one hop reads exactly
 * that; whatever a client sends itself never reaches the app.
 */
export function clientIp(headers: Headers, { hops = 1 }: { hops?: number } = {}): string | null {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (chain.length > 0) return chain[Math.max(0, chain.length - hops)] ?? null
  return headers.get('x-real-ip')?.trim() || null
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part counts as two), or null. */
function ipv6Groups(address: string): number[] | null {
  const plain = address.split('%', 1)[0] ?? ''
  if (isIP(plain) !== 6) return null
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(plain)
  const hex = dotted
    ? `${plain.slice(0, dotted.index)}${((Number(dotted[1]) << 8) | Number(dotted[2])).toString(16)}:${((Number(dotted[3]) << 8) | Number(dotted[4])).toString(16)}`
    : plain
  const [head = '', tail] = hex.split('::')
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)))
  const front = parse(head)
  const back = tail === undefined ? [] : parse(tail)
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back]
}

/**
 * What flood control tells apart: an IPv4 address, or an IPv6 /64. One subscriber gets a whole
 * /64 and may use any address in it, so counting IPv6 addresses one by one counts nothing. An
 * IPv4-mapped IPv6 address (`::ffff:203.0.113.7`) is the IPv4 address it carries.
 */
export function addressGroup(ip: string): string {
  const groups = ipv6Groups(ip)
  if (!groups) return ip
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6)
    return [high >> 8, high & 255, low >> 8, low & 255].join('.')
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`
}

/** A keyed hash: equal addresses match each other, but the address can't be recovered or brute-forced without the secret. */
export function hashIp({ ip, secret }: { ip: string; secret: string }): string {
  return createHmac('sha256', `byline-ip:${secret}`).update(addressGroup(ip)).digest('hex')
}
