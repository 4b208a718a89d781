import { describe, expect, it } from 'vitest'

import { autop } from '@/import/wordpress/content'

describe('WordPress import', () => {
  describe('content', () => {
    it('wraps classic paragraphs as WordPress does, leaving block-level HTML alone', () => {
      expect(autop('One\nline two\n\n<h2>Title</h2>\n\nThree')).toBe('<p>One<br>\nline two</p>\n<h2>Title</h2>\n<p>Three</p>')
    })
  })
})
