import type { OutgoingHttpHeaders } from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

/** How a page's bytes travel: the encodings the server stores and sends. */
export type Encoding = 'br' | 'gzip' | 'identity'

/** The best encoding the reader accepts of those stored (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity'
  const accepted = new Set<string>()
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean)
    if (q && Number(q[1]) === 0) continue
    accepted.add(name.trim())
  }
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return 'identity'
}

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/** Below this, compression saves less than it costs (and than a TCP packet holds). */
const MIN_BYTES = 1024

const brotliAt = (quality: number, size: number) => ({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size } })

/** Every encoding of a page that is kept: compressed hard once, off the main thread, then sent many times. */
export async function compressAll(body: Buffer): Promise<Record<Encoding, Buffer>> {
  const [gzipped, brotlied] = await Promise.all([gzip(body, { level: 9 }), brotli(body, brotliAt(9, body.length))])
  return { identity: body, gzip: gzipped, br: brotlied }
}

const isText = (headers: OutgoingHttpHeaders) => /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|javascript))/.test(String(headers['content-type'] ?? ''))

/** A page sent once (a reader's own view, search): compressed quickly, if at all. */
export async function compressFor(body: Buffer, headers: OutgoingHttpHeaders, acceptEncoding: string | undefined): Promise<{ encoding: Encoding; bytes: Buffer }> {
  const encoding = body.length >= MIN_BYTES && isText(headers) ? chooseEncoding(acceptEncoding) : 'identity'
  if (encoding === 'br') return { encoding, bytes: await brotli(body, brotliAt(4, body.length)) }
  if (encoding === 'gzip') return { encoding, bytes: await gzip(body, { level: 6 }) }
  return { encoding, bytes: body }
}
