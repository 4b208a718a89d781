import type { IncomingMessage } from 'node:http'

import { BlockList, isIP } from 'node:net'

/**
 * Who sent a request, as far as this server can know. The socket's peer is the only address no
 * client can forge; X-Forwarded-For is believed only as far as it was written by proxies we trust
 * (BYLINE_TRUSTED_PROXIES, src/lib/env.ts). The server then hands the app this one address
 * (src/productionServer/requestHandler.ts), so flood control never sees an address a client picked itself.
 */

/** `::ffff:203.0.113.7`, how a dual-stack socket reports an IPv4 peer, is the IPv4 address. */
function unmapIpv4(address: string): string {
  return /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1] ?? address
}

/** An X-Forwarded-For entry as an address: some proxies add a port (`1.2.3.4:80`, `[2001:db8::1]:80`). */
function entryAddress(entry: string): string | null {
  const bare = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry)?.[1] ?? entry
  const address = unmapIpv4(bare)
  return isIP(address) === 0 ? null : address
}

export type TrustedProxies = { has: (address: string) => boolean }

/** Trust verdicts kept at most: the proxies and the clients behind them that a server sees at once. */
const MAX_VERDICTS = 10_000

/** The matcher for BYLINE_TRUSTED_PROXIES' entries (addresses and CIDR ranges, already checked by src/lib/env.ts). */
export function trustedProxies(entries: string[]): TrustedProxies {
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/')
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) list.addAddress(address, family)
    else list.addSubnet(address, Number(bits), family)
  }
  // BlockList.check builds a SocketAddress for every call, a twentieth of the CPU of a cached page
  // (bench/RESULTS.md). The list never changes, so each address's verdict is kept, a bounded few.
  const verdicts = new Map<string, boolean>()
  return {
    has: (address) => {
      let verdict = verdicts.get(address)
      if (verdict === undefined) {
        const plain = unmapIpv4(address)
        const family = isIP(plain)
        verdict = family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4')
        if (verdicts.size >= MAX_VERDICTS) verdicts.clear()
        verdicts.set(address, verdict)
      }
      return verdict
    },
  }
}

/**
 * The client's address. From an untrusted peer: the peer itself, whatever it claims. From a
 * trusted proxy: X-Forwarded-For walked from the right past the proxies we trust; the first
 * entry no trusted proxy could have been is the client, as the nearest trusted proxy saw it.
 * A malformed entry there was not written by a proxy we trust, so the last trusted hop answers.
 */
export function clientAddress({ peer, forwardedFor, trusted }: { peer: string | undefined; forwardedFor: string | undefined; trusted: TrustedProxies }): string | null {
  const socket = peer ? unmapIpv4(peer) : null
  if (!socket || !trusted.has(socket)) return socket
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  let nearest = socket
  for (let index = chain.length - 1; index >= 0; index--) {
    const address = entryAddress(chain[index] ?? '')
    if (address === null) return nearest
    if (!trusted.has(address)) return address
    nearest = address
  }
  return nearest
}

/**
 * Replaces X-Forwarded-For (and X-Real-IP) with the one address clientAddress vouches for, before
 * Next and Payload see the request: the app's clientIp (src/lib/ipAddress.ts) then reads it.
 */
export function vouchForClient(req: IncomingMessage, trusted: TrustedProxies): void {
  const forwarded = req.headers['x-forwarded-for']
  const client = clientAddress({ peer: req.socket.remoteAddress, forwardedFor: Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trusted })
  if (client) {
    req.headers['x-forwarded-for'] = client
    req.headers['x-real-ip'] = client
  } else {
    delete req.headers['x-forwarded-for']
    delete req.headers['x-real-ip']
  }
}
