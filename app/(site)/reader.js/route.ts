import { READER_SCRIPT } from '@/reader/script'

export const dynamic = 'force-static'

/**
 * The reader pages' only script (src/reader/enhance.ts). Pages ask for it with a fingerprint in
 * the query string (READER_SCRIPT_SRC), so a new build's script has a new address.
 */
export function GET() {
  return new Response(READER_SCRIPT, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' },
  })
}
