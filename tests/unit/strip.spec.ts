import { describe, expect, it } from 'vitest'

import { inlineStylesheets } from '@/productionServer/inlineStyles'
import { stripNextRuntime } from '@/productionServer/strip'

// The shape of a Next 16 page as `next start` sends it (abridged from a real article page).
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/0a1b.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/2iq31f9lxlxu8.js"/>',
  '<link rel="preload" as="image" imageSrcSet="/_next/image?url=%2Fhero.png&amp;w=640 640w" fetchPriority="high"/>',
  '<script src="/_next/static/chunks/3k_pspqzykca1.js" async=""></script>',
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"]});</script>',
  '<title>A story · Byline</title></head><body><main><h1>A story</h1>',
  '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>',
  '<p>It said &lt;script&gt; in the text.</p></main>',
  '<script src="/reader.js?v=abc" defer=""></script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:{\\"P\\":null}\\n"])</script>',
  '</body></html>',
].join('')

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

describe("putting a reader page's stylesheet into its HTML", () => {
  const sheets: Record<string, string> = {
    '/_next/static/chunks/0a1b.css': 'body{margin:0}.a>b{color:red}',
    '/_next/static/chunks/font.css': '@font-face{src:url(../media/x.woff2)}',
    '/_next/static/chunks/abs.css': '.hero{background:url(/api/media/file/x.png)}.d{background:url("data:image/png;base64,AA")}',
    '/_next/static/chunks/evil.css': '.x{content:"</style><script>alert(1)</script>"}',
    '/_next/static/chunks/huge.css': `.x{color:red}${' '.repeat(40 * 1024)}`,
  }
  const read = (href: string) => sheets[href] ?? null
  const link = (href: string) => `<link rel="stylesheet" href="${href}" data-precedence="next"/>`

  it('replaces the link with the stylesheet itself, so the first paint waits for no second request', () => {
    const html = inlineStylesheets(stripNextRuntime(PAGE), read)
    expect(html).not.toContain('<link rel="stylesheet"')
    expect(html).toContain('<style data-href="/_next/static/chunks/0a1b.css">body{margin:0}.a>b{color:red}</style>')
    // Everything else is as it was.
    expect(html).toContain('<title>A story · Byline</title>')
    expect(html).toContain('<script src="/reader.js?v=abc" defer=""></script>')
    // Absolute and data: URLs mean the same anywhere.
    expect(inlineStylesheets(link('/_next/static/chunks/abs.css'), read)).toBe(`<style data-href="/_next/static/chunks/abs.css">${sheets['/_next/static/chunks/abs.css']}</style>`)
  })

  it('keeps the link for a sheet it cannot read, one with relative URLs, one that would close the element, one too big, and anything not from the build', () => {
    for (const href of ['/_next/static/chunks/missing.css', '/_next/static/chunks/font.css', '/_next/static/chunks/evil.css', '/_next/static/chunks/huge.css']) {
      expect(inlineStylesheets(link(href), read), href).toBe(link(href))
    }
    const elsewhere = '<link rel="stylesheet" href="https://cdn.example.com/x.css"/>'
    expect(inlineStylesheets(elsewhere, () => 'body{}')).toBe(elsewhere)
    const preload = '<link rel="preload" as="style" href="/_next/static/chunks/0a1b.css"/>'
    expect(inlineStylesheets(preload, read)).toBe(preload)
  })
})
