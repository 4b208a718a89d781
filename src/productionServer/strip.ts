/**
 * Takes Next's client runtime out of a reader page's HTML: the framework and router scripts, the
 * React Server Components payload that hydration would read (half of an article page's bytes),
 * and their preload hints. Reader pages are complete HTML without them: links are plain links,
 * the comment form posts, and the little the browser does is src/reader/enhance.ts, which the
 * page loads itself. On a phone that removes seconds of main-thread work, and about 150 KB of
 * compressed JavaScript from every article view.
 *
 * What stays: stylesheets, JSON-LD, image preloads, and any script that is not Next's.
 * Staff previews keep the runtime: Payload's live preview needs React (src/preview).
 */

/** Next's inline scripts: the RSC payload pushes and the Turbopack chunk list. */
const NEXT_INLINE = /^\s*\(?\s*(?:self\.__next_f|\(?globalThis\["TURBOPACK"\])/

/** A whole `<script …>…</script>` element; script content never contains `</script` (browsers end it there). */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi
/** A `<link>` hinting a Next script. */
const SCRIPT_PRELOAD = /<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*>/gi

const srcOf = (attributes: string) => /\bsrc="([^"]*)"/i.exec(attributes)?.[1] ?? null

export function stripNextRuntime(html: string): string {
  return html
    .replace(SCRIPT, (whole, attributes: string, content: string) => {
      const src = srcOf(attributes)
      if (src !== null) return src.startsWith('/_next/static/') ? '' : whole
      return NEXT_INLINE.test(content) ? '' : whole
    })
    .replace(SCRIPT_PRELOAD, (link) => (/\bas="script"/i.test(link) || /\bhref="\/_next\/static\/[^"]*\.js"/i.test(link) ? '' : link))
}
