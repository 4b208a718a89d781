import { describe, expect, it } from 'vitest'

import { isNotModified } from '@/productionServer/respond'

describe('conditional requests', () => {
  it('answers a conditional request for the same ETag, weak or strong', () => {
    expect(isNotModified('"abc"', '"abc"')).toBe(true)
    expect(isNotModified('W/"abc", "def"', '"abc"')).toBe(true)
    expect(isNotModified('*', '"abc"')).toBe(true)
    expect(isNotModified('"def"', '"abc"')).toBe(false)
    expect(isNotModified('"abc"', null)).toBe(false)
    expect(isNotModified(undefined, '"abc"')).toBe(false)
  })
})
