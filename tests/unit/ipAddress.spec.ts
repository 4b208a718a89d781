import { describe, expect, it } from 'vitest'

import { addressGroup, clientIp, hashIp } from '@/lib/ipAddress'

const SECRET = 'f'.repeat(64)

describe('clientIp', () => {
  it.each([
    ['the address the nearest proxy appended to X-Forwarded-For', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }, '203.0.113.7'],
    ['a single forwarded address, trimmed', { 'x-forwarded-for': '  198.51.100.23  ' }, '198.51.100.23'],
    ['an IPv6 address', { 'x-forwarded-for': '2001:db8::1' }, '2001:db8::1'],
    ['X-Forwarded-For over X-Real-IP', { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '198.51.100.1' }, '203.0.113.7'],
    ['X-Real-IP when nothing was forwarded', { 'x-real-ip': ' 198.51.100.1 ' }, '198.51.100.1'],
    ['X-Real-IP when X-Forwarded-For is empty', { 'x-forwarded-for': ' , ', 'x-real-ip': '198.51.100.1' }, '198.51.100.1'],
  ])('reads %s', (_, headers, ip) => {
    expect(clientIp(new Headers(headers))).toBe(ip)
  })

  it('skips the addresses trusted proxies appended, and never trusts what the client put in front', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' })
    expect(clientIp(headers, { hops: 2 })).toBe('203.0.113.7')
    expect(clientIp(headers, { hops: 9 })).toBe('6.6.6.6')
  })

  it('is null when no proxy reported an address', () => {
    expect(clientIp(new Headers())).toBeNull()
    expect(clientIp(new Headers({ 'x-real-ip': '   ' }))).toBeNull()
  })
})

describe('hashIp', () => {
  const ip = '203.0.113.7'

  it('is a 64-character hex digest that does not contain the address', () => {
    const hash = hashIp({ ip, secret: SECRET })
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).not.toContain(ip)
    expect(hash).not.toContain(ip.replace(/\./g, ''))
  })

  it('gives the same hash for the same address and secret, so repeat senders can be recognised', () => {
    expect(hashIp({ ip, secret: SECRET })).toBe(hashIp({ ip, secret: SECRET }))
  })

  it('gives different hashes for different addresses', () => {
    expect(hashIp({ ip, secret: SECRET })).not.toBe(hashIp({ ip: '203.0.113.8', secret: SECRET }))
  })

  it('gives a different hash under another secret, so hashes from one site cannot be matched on another', () => {
    expect(hashIp({ ip, secret: SECRET })).not.toBe(hashIp({ ip, secret: 'e'.repeat(64) }))
  })

  it('cannot be reproduced from the address alone with a plain SHA-256', async () => {
    const { createHash } = await import('node:crypto')
    expect(hashIp({ ip, secret: SECRET })).not.toBe(createHash('sha256').update(ip).digest('hex'))
  })
})

describe('flood control groups', () => {
  it.each([
    ['an IPv4 address as itself', '203.0.113.7', '203.0.113.7'],
    ['an IPv6 address by its /64', '2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['a compressed IPv6 address by its /64', '2001:db8::1', '2001:db8:0:0::/64'],
    ['an IPv6 address with a zone', 'fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['an IPv4-mapped IPv6 address as the IPv4 address', '::ffff:203.0.113.7', '203.0.113.7'],
    ['an IPv4-mapped IPv6 address written in hex as the IPv4 address', '::ffff:cb00:7107', '203.0.113.7'],
  ])('counts %s', (_, ip, group) => {
    expect(addressGroup(ip)).toBe(group)
  })

  it('gives every address of one IPv6 /64 the same hash, and another /64 another', () => {
    const first = hashIp({ ip: '2001:db8:1:2::1', secret: SECRET })
    expect(hashIp({ ip: '2001:db8:1:2:ffff:ffff:ffff:fffe', secret: SECRET })).toBe(first)
    expect(hashIp({ ip: '2001:db8:1:3::1', secret: SECRET })).not.toBe(first)
  })

  it('gives an IPv4 address and its IPv4-mapped form the same hash', () => {
    expect(hashIp({ ip: '::ffff:203.0.113.7', secret: SECRET })).toBe(hashIp({ ip: '203.0.113.7', secret: SECRET }))
  })
})
