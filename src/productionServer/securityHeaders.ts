/**
 * Security headers, set by the app itself so that it is safe without a proxy in front; the nginx
 * template in deploy/ adds the same to what it serves from disk (tests/unit/securityHeaders.spec.ts
 * holds the two together). HSTS is not here: it belongs where TLS terminates (see deploy/).
 */

/** Every response: the admin, the API, media, reader pages. Served through next.config.ts's headers(). */
export const BASE_SECURITY_HEADERS = {
  // Framing only by our own pages: Payload's live preview frames the reader site from the admin.
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const

/** The players src/reader/enhance.ts opens on click (src/lib/video.ts builds their URLs). */
const VIDEO_PLAYERS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com']

/**
 * A reader page once the server has taken Next's runtime out (src/productionServer/strip.ts): one script of
 * ours from this origin, the stylesheet inlined as a `<style>`, JSON-LD (data, which CSP does not
 * govern), images from this origin. No inline script may run, so an injected `<script>` is dead.
 * Previews keep Next's runtime and its inline scripts, so they go without (src/productionServer/pagePipeline.ts).
 */
export const READER_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  `frame-src ${VIDEO_PLAYERS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')
