'use client'

import { useFormFields } from '@payloadcms/ui'

import { countWords, readingMinutes } from '@/articles/readingTime'

const numbers = new Intl.NumberFormat('en-GB')

/**
 * Word count and reading time of the body as it is being written, counted the way the article
 * page counts them (src/articles/readingTime.ts), so the sidebar and the published page agree.
 */
export function EditorStats() {
  const content = useFormFields(([fields]) => fields.content?.value) as Parameters<typeof countWords>[0]
  const words = countWords(content)
  return (
    <div className="field-type editor-stats" aria-live="polite">
      <span className="field-label">Length</span>
      <p className="editor-stats__value">
        <span data-testid="word-count">
          {numbers.format(words)} {words === 1 ? 'word' : 'words'}
        </span>
        {' · '}
        <span data-testid="reading-time">{readingMinutes(words)} min read</span>
      </p>
    </div>
  )
}
