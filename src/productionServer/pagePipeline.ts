import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

import { mayUseMemory } from '@/cache/purgeLogRegistry'

import { captureResponse } from './capture'
import { cacheLifetime, isCacheableRequest, storedHeaders } from './cachePolicy'
import type { DesignedNotFound } from './designedNotFound'
import { compressAll } from './encoding'
import { inlineStylesheets, type ReadStylesheet } from './inlineStyles'
import { forLog } from './logText'
import { type DatabaseWatch, outageJson, outagePage } from './outage'
import { storeFileFor } from './pageStore'
import type { PageStoreSeat } from './pageStoreSeat'
import { isPreview } from './requestKinds'
import { clearHeaders, isHtml, sendKept, sendOnce } from './respond'
import type { CachedPage, ResponseCache } from './responseCache'
import { READER_PAGE_CSP } from './securityHeaders'
import { stripNextRuntime } from './strip'

/**
 * The reader page's way through the server: from the response cache when it holds the page, else
 * from Next whole, with the designed 404 put in, Next's client runtime taken out and the
 * stylesheet inlined, then kept (when it is everybody's page) and sent compressed. Writes to the
 * API and the comment form go through Next too, but an outage turns Next's blank 500 into a 503.
 */

/** Next's request handler. */
export type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>

type PipelineParts = {
  handle: Handle
  cache: ResponseCache
  /** False when the response cache's budget is 0: nothing is kept. */
  caching: boolean
  store: PageStoreSeat | null
  database: DatabaseWatch
  notFound: DesignedNotFound
  readStylesheet: ReadStylesheet
}

export function pagePipeline({ handle, cache, caching, store, database, notFound, readStylesheet }: PipelineParts) {
  /** Whether a kept page can be a file in the store: worked out once per page, not on every hit. */
  const storable = new WeakMap<CachedPage, boolean>()
  const isStorable = (url: string, page: CachedPage): boolean => {
    let verdict = storable.get(page)
    if (verdict === undefined) {
      verdict = isHtml(page.headers) && storeFileFor(url) !== null
      storable.set(page, verdict)
    }
    return verdict
  }

  /**
   * Puts a kept page in the page store, once per store generation, when this instance writes it.
   * Returns the headers telling nginx not to keep a copy of its own, from every instance that
   * shares the store: nginx reads the file, which the writer replaces the moment the page
   * changes, where a copy of nginx's (even one second's, served stale while it updates) would
   * outlive the change.
   */
  const toStore = (url: string, page: CachedPage, storeGeneration: number): OutgoingHttpHeaders => {
    if (!store || !isStorable(url, page)) return {}
    if (store.isWriter && mayUseMemory() && !store.has(url)) void store.write(url, page.bodies, storeGeneration, page.expiresAt)
    return { 'x-accel-expires': '0' }
  }

  /** A reader page from Next: whole, with the designed 404 put in, then kept (when shareable) and sent. */
  async function fromNext(req: IncomingMessage, res: ServerResponse, shareable: boolean) {
    const generation = cache.generation
    const storeGeneration = store?.generation ?? 0
    const url = req.url as string
    const acceptEncoding = req.headers['accept-encoding']
    // Next's own compression would hand over bytes this server could neither store nor change.
    delete req.headers['accept-encoding']
    const captured = captureResponse(res)
    void handle(req, res)
    let response = await captured
    // Next's blank 500 while the database is down: the designed 503 instead, never kept.
    if (response.status >= 500 && (await database.isDown())) return sendOnce(req, res, outagePage(), acceptEncoding, { replace: true })
    if (response.status === 404 && isHtml(response.headers) && req.method === 'GET') {
      try {
        const headers = { ...response.headers }
        delete headers.etag
        response = { ...response, headers, body: await notFound.body() }
      } catch (error) {
        console.error('Could not render the designed 404 page for', forLog(req.url), '; sending Next’s', error)
      }
    }
    if (isHtml(response.headers) && !isPreview(req)) {
      response = {
        ...response,
        // Without Next's runtime the page runs only our own script file, so inline scripts can be refused.
        headers: { ...response.headers, 'content-security-policy': READER_PAGE_CSP },
        body: Buffer.from(inlineStylesheets(stripNextRuntime(response.body.toString('utf8')), readStylesheet)),
      }
    }
    const lifetime = shareable && caching && mayUseMemory() && req.method === 'GET' ? cacheLifetime(response.status, response.headers) : null
    if (lifetime === null) {
      // While shared invalidation is down nothing may be kept, by nginx either: a change made on
      // another instance would not reach its copy.
      const unkept = store && shareable && !mayUseMemory() && isHtml(response.headers) && storeFileFor(url) !== null
      return sendOnce(req, res, unkept ? { ...response, headers: { ...response.headers, 'x-accel-expires': '0' } } : response, acceptEncoding)
    }
    const headers = storedHeaders(response.headers)
    const stored: CachedPage = {
      status: response.status,
      headers,
      bodies: await compressAll(response.body),
      etag: typeof headers.etag === 'string' ? headers.etag : null,
      expiresAt: Date.now() + lifetime * 1000,
    }
    cache.set(url, stored, generation)
    const extra = toStore(url, stored, storeGeneration)
    req.headers['accept-encoding'] = acceptEncoding
    sendKept(req, res, stored, 'MISS', extra)
  }

  /** A reader page: from the response cache, else from Next. */
  function readerPage(req: IncomingMessage, res: ServerResponse) {
    const shareable = isCacheableRequest(req)
    const cached = caching && shareable && mayUseMemory() ? cache.get(req.url as string) : undefined
    if (cached) return sendKept(req, res, cached, 'HIT', store ? toStore(req.url as string, cached, store.generation) : {})
    fromNext(req, res, shareable).catch((error: unknown) => {
      console.error('Could not answer', forLog(req.url), error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('Internal Server Error')
    })
  }

  /** The designed 404 for an address no page can have (a 10,000-character slug), without asking Next. */
  async function impossible(req: IncomingMessage, res: ServerResponse) {
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': READER_PAGE_CSP }
    let html: string
    try {
      html = inlineStylesheets(stripNextRuntime((await notFound.body()).toString('utf8')), readStylesheet)
    } catch (error) {
      console.error('Could not render the designed 404 page for', forLog(req.url), error)
      html = '<!DOCTYPE html><title>Page not found</title><h1>Page not found</h1>'
    }
    await sendOnce(req, res, { status: 404, headers, body: Buffer.from(html) }, req.headers['accept-encoding'])
  }

  /** A write, passed through as Next answers it, unless it failed because the database is down. */
  async function guardedWrite(req: IncomingMessage, res: ServerResponse) {
    const captured = captureResponse(res)
    void handle(req, res)
    const response = await captured
    const outage = response.status >= 500 && (await database.isDown())
    if (outage) clearHeaders(res)
    const out = outage ? (req.url?.startsWith('/api/') ? outageJson() : outagePage()) : response
    res.writeHead(out.status, out.headers)
    res.end(req.method === 'HEAD' ? undefined : out.body)
  }

  return { readerPage, impossible, guardedWrite }
}

export type PagePipeline = ReturnType<typeof pagePipeline>
