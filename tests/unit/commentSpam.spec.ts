import { describe, expect, it } from 'vitest'

import { botReason, floodWait, issueFormToken, readFormToken } from '@/comments/spam'

import { NOW, SECRET, seconds } from '../helpers/commentSamples'

describe('Comments', () => {
  describe('spam checks', () => {
    it('round-trips a signed form timestamp and refuses a forged one', () => {
      const token = issueFormToken({ now: NOW, secret: SECRET })
      expect(readFormToken({ token, secret: SECRET })).toEqual(NOW)
      expect(readFormToken({ token, secret: 'b'.repeat(64) })).toBeNull()
      expect(readFormToken({ token: `${NOW.getTime() - 60_000}.${token.split('.')[1]}`, secret: SECRET })).toBeNull()
    })

    it.each([
      ['a filled honeypot', { honeypot: '555-1234' }, NOW, 'honeypot filled in'],
      ['a form sent within 3 seconds', { issuedAt: issueFormToken({ now: seconds(1), secret: SECRET }) }, NOW, /submitted 1\.0s/],
      ['a forged timestamp', { issuedAt: '123.abc' }, NOW, 'form timestamp not signed by this site'],
    ])('treats %s as a bot', (_, signals, now, reason) => {
      expect(botReason({ signals, now, secret: SECRET })).toMatch(reason)
    })

    it('lets people through: an empty honeypot and a form shown 10 seconds ago, or an API client with neither', () => {
      expect(botReason({ signals: { honeypot: '', issuedAt: issueFormToken({ now: seconds(10), secret: SECRET }) }, now: NOW, secret: SECRET })).toBeNull()
      expect(botReason({ signals: {}, now: NOW, secret: SECRET })).toBeNull()
    })

    it('makes a sender wait out the 15-second flood window', () => {
      expect(floodWait({ last: null, now: NOW })).toBe(0)
      expect(floodWait({ last: seconds(4), now: NOW })).toBe(11)
      expect(floodWait({ last: seconds(14.5), now: NOW })).toBe(1)
      expect(floodWait({ last: seconds(15), now: NOW })).toBe(0)
    })
  })
})
