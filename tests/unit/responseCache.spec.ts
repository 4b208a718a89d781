import { describe, expect, it } from 'vitest'

import { ResponseCache, type CachedPage } from '@/productionServer/responseCache'

const page = (body: string, expiresAt = Number.POSITIVE_INFINITY): CachedPage => ({
  status: 200,
  headers: {},
  bodies: { identity: Buffer.from(body), gzip: Buffer.from(body), br: Buffer.from(body) },
  etag: null,
  expiresAt,
})

describe('the store', () => {
  it('keeps pages until they expire', () => {
    let now = 1_000
    const cache = new ResponseCache({ maxBytes: 1_000, now: () => now })
    expect(cache.set('/a', page('aaa', 2_000), cache.generation)).toBe(true)
    expect(cache.get('/a')?.bodies.identity.toString()).toBe('aaa')
    now = 2_000
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.size).toBe(0)
    expect(cache.bytes).toBe(0)
  })

  it('refuses a page whose fill began before a purge, so old content cannot come back', () => {
    const cache = new ResponseCache({ maxBytes: 1_000 })
    const started = cache.generation
    cache.set('/a', page('old'), started)
    cache.purge()
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.set('/a', page('rendered before the change'), started)).toBe(false)
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.set('/a', page('new'), cache.generation)).toBe(true)
    expect(cache.get('/a')?.bodies.identity.toString()).toBe('new')
  })

  it('stays within its byte budget, dropping the least recently used page first', () => {
    // Each page counts three bodies: 3 × 10 bytes.
    const cache = new ResponseCache({ maxBytes: 70 })
    cache.set('/a', page('a'.repeat(10)), 0)
    cache.set('/b', page('b'.repeat(10)), 0)
    cache.get('/a')
    cache.set('/c', page('c'.repeat(10)), 0)
    expect(cache.get('/b')).toBeUndefined()
    expect(cache.get('/a')).toBeDefined()
    expect(cache.get('/c')).toBeDefined()
    expect(cache.bytes).toBe(60)
    expect(cache.set('/huge', page('x'.repeat(30)), 0)).toBe(false)
    cache.set('/a', page('a'.repeat(5)), 0)
    expect(cache.bytes).toBe(45)
  })
})
