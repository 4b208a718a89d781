import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

import type { Captured } from './capture'
import { storedHeaders } from './cachePolicy'
import { chooseEncoding, compressFor } from './encoding'
import type { CachedPage } from './responseCache'

/** The ways the server answers once it has a response in hand: a kept page, or one sent once. */

export const isHtml = (headers: OutgoingHttpHeaders) => /^text\/html/.test(String(headers['content-type'] ?? ''))

/** Answers from a kept page: the stored bytes in the best encoding the reader takes, or a 304. */
export function sendKept(req: IncomingMessage, res: ServerResponse, page: CachedPage, status: 'HIT' | 'MISS', extra: OutgoingHttpHeaders = {}) {
  const encoding = chooseEncoding(req.headers['accept-encoding'])
  const headers: OutgoingHttpHeaders = { ...page.headers, ...extra, 'x-byline-cache': status }
  if (isNotModifiedFor(req, page.etag)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  const body = page.bodies[encoding]
  if (encoding !== 'identity') headers['content-encoding'] = encoding
  headers['content-length'] = body.length
  res.writeHead(page.status, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** Whether the reader's If-None-Match names the page's ETag (weak comparison, RFC 9110 13.1.2). */
export function isNotModified(ifNoneMatch: string | undefined, etag: string | null): boolean {
  if (!ifNoneMatch || !etag) return false
  if (ifNoneMatch.trim() === '*') return true
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag))
}

const isNotModifiedFor = (req: IncomingMessage, etag: string | null) => isNotModified(req.headers['if-none-match'], etag)

/** Forgets what Next set on a response it failed (its preload hints, its cookies) before another answer is sent. */
export const clearHeaders = (res: ServerResponse) => {
  for (const name of res.getHeaderNames()) res.removeHeader(name)
}

/** Sends a response that is not kept: compressed for this reader when it is worth it. */
export async function sendOnce(req: IncomingMessage, res: ServerResponse, { status, headers, body }: Captured, acceptEncoding: string | undefined, { replace = false } = {}) {
  const out = storedHeaders(headers)
  const { encoding, bytes } = req.method === 'HEAD' ? { encoding: 'identity' as const, bytes: body } : await compressFor(body, out, acceptEncoding)
  if (encoding !== 'identity') out['content-encoding'] = encoding
  out['content-length'] = bytes.length
  // Another answer than Next's: what Next set on the response (even after ending it) goes.
  if (replace) clearHeaders(res)
  res.writeHead(status, out)
  res.end(req.method === 'HEAD' ? undefined : bytes)
}
