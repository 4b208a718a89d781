import { describe, expect, it } from 'vitest'

import { previewLink } from '@/preview/links'

describe('Editorial workflow', () => {
  describe('previews', () => {
    // The app signs with Payload's secret; any secret signs the same way.
    const secret = () => 'p'.repeat(32)

    it('keeps a live preview link the same across autosaves within the hour', () => {
      const args = { serverURL: 'http://localhost:3000', secret: secret(), articleId: 'a1', ttlMs: 3_600_000, stepMs: 3_600_000 }
      const at = Date.UTC(2026, 2, 2, 9, 10)
      expect(previewLink({ ...args, now: at }).url).toBe(previewLink({ ...args, now: at + 20 * 60_000 }).url)
      expect(Date.parse(previewLink({ ...args, now: at }).expiresAt) - at).toBeGreaterThanOrEqual(3_600_000)
    })
  })
})
