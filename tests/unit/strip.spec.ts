import { describe, expect, it } from 'vitest'

import { stripNextRuntime } from '@/productionServer/strip'

import { PAGE } from '../helpers/nextPage'

describe("stripping Next's client runtime from a reader page", () => {
  const stripped = stripNextRuntime(PAGE)

  it("removes Next's scripts, its RSC payload and its script preloads", () => {
    expect(stripped).not.toContain('/_next/static/chunks/3k_pspqzykca1.js')
    expect(stripped).not.toContain('noModule')
    expect(stripped).not.toContain('TURBOPACK')
    expect(stripped).not.toContain('__next_f')
    expect(stripped).not.toContain('as="script"')
  })

  it('keeps the page: styles, image preloads, structured data, our own script and the text', () => {
    for (const kept of [
      '<link rel="stylesheet" href="/_next/static/chunks/0a1b.css" data-precedence="next"/>',
      '<link rel="preload" as="image"',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>',
      '<script src="/reader.js?v=abc" defer=""></script>',
      '<h1>A story</h1>',
      '<p>It said &lt;script&gt; in the text.</p>',
      '</body></html>',
    ]) {
      expect(stripped).toContain(kept)
    }
  })

  it('leaves a page without Next scripts as it was', () => {
    const plain = '<html><body><p>Hello</p><script type="application/ld+json">{}</script></body></html>'
    expect(stripNextRuntime(plain)).toBe(plain)
  })
})
