import { describe, expect, it } from 'vitest'

import { senderMetadata } from '@/comments/senderMetadata'
import { hashIp } from '@/lib/ipAddress'

const SECRET = 'f'.repeat(64)

describe('Comments', () => {
  describe('senderMetadata', () => {
    it('keeps a keyed hash of the trusted address and the user agent, never the address', () => {
      const metadata = senderMetadata({ headers: new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7', 'user-agent': 'Firefox' }), secret: SECRET })
      expect(metadata).toEqual({ ipHash: hashIp({ ip: '203.0.113.7', secret: SECRET }), userAgent: 'Firefox' })
      expect(JSON.stringify(metadata)).not.toContain('203.0.113.7')
    })

    it('cuts the user agent to 500 characters', () => {
      expect(senderMetadata({ headers: new Headers({ 'user-agent': 'a'.repeat(600) }), secret: SECRET }).userAgent).toBe('a'.repeat(500))
    })

    it('leaves out what the request does not carry', () => {
      expect(senderMetadata({ headers: new Headers(), secret: SECRET })).toEqual({})
    })
  })
})
