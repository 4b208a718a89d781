import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { ArticleMeta } from '@/components/ArticleMeta'

describe('Editorial workflow', () => {
  describe('the article page’s “Updated” label', () => {
    const meta = (publishedAt: string, updatedAt: string) =>
      renderToStaticMarkup(ArticleMeta({ authors: [], publishedAt, updatedAt, commentCount: 0, readingMinutes: 3 }))

    it('shows when the article changed more than ten minutes after it was published', () => {
      const html = meta('2026-03-02T09:00:00.000Z', '2026-03-02T14:05:00.000Z')
      expect(html).toContain('Updated <time dateTime="2026-03-02T14:05:00.000Z">2 March 2026 at 14:05 UTC</time>')
    })

    it('stays away for a fix made within ten minutes of publishing', () => {
      expect(meta('2026-03-02T09:00:00.000Z', '2026-03-02T09:09:00.000Z')).not.toContain('Updated')
    })
  })
})
