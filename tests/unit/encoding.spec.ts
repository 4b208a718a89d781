import { describe, expect, it } from 'vitest'

import { chooseEncoding, compressAll, compressFor } from '@/productionServer/encoding'

describe('content negotiation', () => {
  it('sends brotli, then gzip, then plain bytes, as the reader accepts', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(chooseEncoding('gzip')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(chooseEncoding('gzip;q=0')).toBe('identity')
    expect(chooseEncoding(undefined)).toBe('identity')
    expect(chooseEncoding('deflate')).toBe('identity')
  })

  it('keeps every encoding of a kept page, each decoding to the same bytes', async () => {
    const { gunzipSync, brotliDecompressSync } = await import('node:zlib')
    const body = Buffer.from('<p>A story</p>'.repeat(200))
    const all = await compressAll(body)
    expect(all.identity).toBe(body)
    expect(gunzipSync(all.gzip).equals(body)).toBe(true)
    expect(brotliDecompressSync(all.br).equals(body)).toBe(true)
    expect(all.br.length).toBeLessThan(body.length)
  })

  it('compresses a page sent once only when it is text and worth it', async () => {
    const text = Buffer.from('x'.repeat(4096))
    expect((await compressFor(text, { 'content-type': 'text/html' }, 'gzip')).encoding).toBe('gzip')
    expect((await compressFor(text, { 'content-type': 'text/html' }, 'br, gzip')).encoding).toBe('br')
    expect((await compressFor(Buffer.from('short'), { 'content-type': 'text/html' }, 'gzip')).encoding).toBe('identity')
    expect((await compressFor(text, { 'content-type': 'image/png' }, 'gzip')).encoding).toBe('identity')
  })
})
