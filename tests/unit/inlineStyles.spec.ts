import { describe, expect, it } from 'vitest'

import { inlineStylesheets } from '@/productionServer/inlineStyles'
import { stripNextRuntime } from '@/productionServer/strip'

import { PAGE } from '../helpers/nextPage'

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
