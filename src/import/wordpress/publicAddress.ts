/**
 * Whether a media URL from an uploaded export may be fetched by the server: only from hosts
 * that resolve to public addresses. An export is a file anyone could have written, and the
 * admin screen would otherwise fetch whatever it names, the server's own network included.
 */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

import { isHttpUrl } from '@/lib/httpUrl'

const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8], // "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10, carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local, cloud metadata
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xe0000000, 3], // multicast and reserved
]

function privateV4(address: string): boolean {
  const value = address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0)
  return PRIVATE_V4.some(([network, bits]) => value >>> (32 - bits) === network >>> (32 - bits))
}

export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 4) return !privateV4(address)
  const lower = address.toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1]
  if (mapped) return !privateV4(mapped)
  return !(lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff'))
}

/** True when every address the URL's host resolves to is public (and the URL is http or https). */
export async function resolvesToPublic(url: string): Promise<boolean> {
  if (!isHttpUrl(url)) return false
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  if (isIP(host)) return isPublicAddress(host)
  try {
    const addresses = await lookup(host, { all: true })
    return addresses.length > 0 && addresses.every(({ address }) => isPublicAddress(address))
  } catch {
    return false // the host does not resolve: nothing to fetch
  }
}
