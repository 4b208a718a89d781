import { describe, expect, it } from 'vitest'

import { signPreviewToken, verifyPreviewToken } from '@/preview/token'

describe('Editorial workflow', () => {
  describe('previews', () => {
    // The app signs with Payload's secret; any secret signs the same way.
    const secret = () => 'p'.repeat(32)

    it('signs a token for one article that expires, and refuses a changed or expired one', () => {
      const now = Date.now()
      const token = signPreviewToken({ secret: secret(), articleId: 'a1', expiresAt: now + 1000 })
      expect(verifyPreviewToken({ secret: secret(), token, now })).toEqual({ ok: true, articleId: 'a1', expiresAt: now + 1000 })
      expect(verifyPreviewToken({ secret: secret(), token, now: now + 1000 })).toEqual({ ok: false, reason: 'expired' })
      const [, mac] = token.split('.')
      const otherArticle = signPreviewToken({ secret: secret(), articleId: 'a2', expiresAt: now + 1000 }).split('.')[0]
      expect(verifyPreviewToken({ secret: secret(), token: `${otherArticle}.${mac}`, now })).toEqual({ ok: false, reason: 'forged' })
      expect(verifyPreviewToken({ secret: 'another secret', token, now })).toEqual({ ok: false, reason: 'forged' })
      expect(verifyPreviewToken({ secret: secret(), token: 'nonsense', now })).toEqual({ ok: false, reason: 'malformed' })
    })
  })
})
