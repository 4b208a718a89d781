import { describe, expect, it } from 'vitest'

import { forLog } from '@/productionServer/logText'

/** Issue 22: a 10,000-character slug in a URL wrote 10 KB log lines. */
const LONG_SLUG = 'a'.repeat(10_000)

describe('A long slug in a URL', () => {
  it('goes into the server’s log lines cut to its start and its length', () => {
    const line = forLog(`/news/${LONG_SLUG}`)
    expect(line.length).toBeLessThan(300)
    expect(line).toContain('(10006 characters)')
    expect(forLog('/news/short')).toBe('/news/short')
  })
})
