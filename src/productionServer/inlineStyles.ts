import fs from 'node:fs'
import path from 'node:path'

/**
 * Puts a reader page's own stylesheets into its HTML (issue #6, Lighthouse). A linked stylesheet
 * blocks the first paint for one more round trip after the HTML; on a phone over slow 4G that was
 * the largest wait Lighthouse found on an article (its "render-blocking resources"). The site's
 * stylesheet is small (about 11 KB, 3.4 KB compressed), so sending it with every page costs less
 * than the round trip, and most readers arrive on one article from a link anyway.
 *
 * Only Next's build output is inlined (`/_next/static/….css`), only up to `MAX_INLINE_BYTES`, and
 * only a stylesheet that cannot end the `<style>` element early. CSS with relative `url()`s would
 * resolve them against the page instead of the stylesheet, so such a sheet stays linked.
 */

const MAX_INLINE_BYTES = 32 * 1024

/** Next's `<link rel="stylesheet" href="/_next/static/…css" …>` (attributes in any order). */
const STYLESHEET = /<link\b(?=[^>]*\brel="stylesheet")[^>]*\bhref="(\/_next\/static\/[^"?#]+\.css)"[^>]*>/gi

/** A stylesheet's text by its URL path, or null when it cannot be read. */
export type ReadStylesheet = (href: string) => string | null

const RELATIVE_URL = /url\(\s*(?!['"]?(?:[a-z][a-z0-9+.-]*:|\/|#))/i

export function inlineStylesheets(html: string, read: ReadStylesheet): string {
  return html.replace(STYLESHEET, (link, href: string) => {
    const css = read(href)
    if (css === null || Buffer.byteLength(css) > MAX_INLINE_BYTES) return link
    if (/<\/style/i.test(css) || RELATIVE_URL.test(css)) return link
    return `<style data-href="${href}">${css}</style>`
  })
}

/**
 * Reads the build's stylesheets from its static directory (`.next/static`), each once: a build's
 * files never change under a running server. Only a file inside that directory, and no bigger
 * than would be inlined, is read.
 */
export function stylesheetsOf(staticDir: string): ReadStylesheet {
  const sheets = new Map<string, string | null>()
  return (href) => {
    if (sheets.has(href)) return sheets.get(href) ?? null
    const file = path.join(staticDir, href.slice('/_next/static/'.length))
    let css: string | null = null
    try {
      if (file.startsWith(`${staticDir}${path.sep}`) && fs.statSync(file).size <= MAX_INLINE_BYTES) css = fs.readFileSync(file, 'utf8')
    } catch {
      css = null
    }
    sheets.set(href, css)
    return css
  }
}
