import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'

import { DEFAULT_TRUSTED_PROXIES } from '@/lib/env'
import { clientIp } from '@/lib/ipAddress'
import { clientAddress, trustedProxies, vouchForClient } from '@/productionServer/clientAddress'

const loopback = trustedProxies(DEFAULT_TRUSTED_PROXIES)
const behindBalancer = trustedProxies([...DEFAULT_TRUSTED_PROXIES, '10.0.0.0/8', '2001:db8:ffff::/48'])

describe('The client address the server hands the app', () => {
  it.each([
    ['a client connecting directly, whatever it claims', '198.51.100.9', '6.6.6.6', '198.51.100.9'],
    ['a client connecting directly over IPv6, whatever it claims', '2001:db8::9', '6.6.6.6', '2001:db8::9'],
    ['an IPv4 client on a dual-stack socket, unmapped', '::ffff:198.51.100.9', '6.6.6.6', '198.51.100.9'],
    ['a direct client that sends no header', '198.51.100.9', undefined, '198.51.100.9'],
  ])('is the socket address for %s', (_, peer, forwardedFor, expected) => {
    expect(clientAddress({ peer, forwardedFor, trusted: loopback })).toBe(expected)
  })

  it.each([
    ['the address nginx on this machine appended', '127.0.0.1', '203.0.113.7', '203.0.113.7'],
    ['the rightmost address, not the one the client put in front', '127.0.0.1', '6.6.6.6, 203.0.113.7', '203.0.113.7'],
    ['an entry with a port', '127.0.0.1', '203.0.113.7:51234', '203.0.113.7'],
    ['a bracketed IPv6 entry with a port', '::1', '[2001:db8::7]:443', '2001:db8::7'],
    ['the proxy itself when it forwarded for nobody', '127.0.0.1', undefined, '127.0.0.1'],
    ['the proxy itself when the entry it got is not an address', '127.0.0.1', 'evil, not-an-ip', '127.0.0.1'],
  ])('from a trusted proxy is %s', (_, peer, forwardedFor, expected) => {
    expect(clientAddress({ peer, forwardedFor, trusted: loopback })).toBe(expected)
  })

  it('walks past every trusted proxy in a chain, and stops at the first address none of them is', () => {
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.7, 10.1.2.3', trusted: behindBalancer })).toBe('203.0.113.7')
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.7, 2001:db8:ffff:1::2', trusted: behindBalancer })).toBe('203.0.113.7')
    // Without the balancer trusted, its address is the client: a client cannot add hops by claiming them.
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.7, 10.1.2.3', trusted: loopback })).toBe('10.1.2.3')
  })

  it('is the last trusted hop when every entry is a trusted proxy', () => {
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: '10.9.9.9, 10.1.2.3', trusted: behindBalancer })).toBe('10.9.9.9')
  })

  it('gives the same verdicts however many addresses it has judged (it keeps a bounded few)', () => {
    const proxies = trustedProxies(['10.0.0.0/8'])
    for (let n = 0; n < 25_000; n += 1) expect(proxies.has(`203.0.${(n >> 8) & 255}.${n & 255}`)).toBe(false)
    expect(proxies.has('10.1.2.3')).toBe(true)
    expect(proxies.has('::ffff:10.1.2.3')).toBe(true)
    expect(proxies.has('11.1.2.3')).toBe(false)
    expect(proxies.has('not an address')).toBe(false)
  })

  it('is null only for a socket with no address (already closed)', () => {
    expect(clientAddress({ peer: undefined, forwardedFor: '203.0.113.7', trusted: loopback })).toBeNull()
  })
})

describe('The server, as a client connects to it', () => {
  /** A real socket to a server that rewrites the headers as src/productionServer/requestHandler.ts does, and reports what the app would read. */
  async function seenByApp(trusted: string[], headers: Record<string, string>): Promise<{ forwardedFor: string | null; realIp: string | null }> {
    const proxies = trustedProxies(trusted)
    const server = http.createServer((req, res) => {
      vouchForClient(req, proxies)
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
      res.end(JSON.stringify({ forwardedFor: clientIp(headers), realIp: headers.get('x-real-ip') }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers })
      return (await response.json()) as { forwardedFor: string | null; realIp: string | null }
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  }

  it('ignores a spoofed X-Forwarded-For and X-Real-IP from a client that is not a trusted proxy', async () => {
    // Issue 22: 1,000 of 1,000 flood posts with spoofed addresses were accepted as 1,000 readers.
    const seen = await seenByApp(['10.0.0.0/8'], { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '7.7.7.7' })
    expect(seen).toEqual({ forwardedFor: '127.0.0.1', realIp: '127.0.0.1' })
  })

  it('believes the address a trusted proxy on this machine reports', async () => {
    const seen = await seenByApp(DEFAULT_TRUSTED_PROXIES, { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' })
    expect(seen).toEqual({ forwardedFor: '203.0.113.7', realIp: '203.0.113.7' })
  })
})
