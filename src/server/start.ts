/**
 * The production server (`npm start`): Next's request handler behind two things Next cannot do
 * itself for reader pages.
 *
 * - The response cache (src/server/responseCache.ts): an anonymous reader's repeated page view is
 *   answered from memory, already compressed, without entering Next.
 * - The designed 404 in the HTML: Next 16 answers `notFound()` on a matched route with an empty
 *   shell and draws the not-found page in the browser (vercel/next.js#62228), so without
 *   JavaScript readers and crawlers see a blank page. Here a reader page that Next answers with
 *   404 gets the body of the designed page instead (rendered by Next at NOT_FOUND_PATH).
 *
 * Reader page requests (src/server/pages.ts decides which) are therefore taken from Next whole,
 * then sent compressed; everything else (the admin, the API, assets, client navigations) goes
 * to Next exactly as under `next start`.
 *
 *   tsx src/server/start.ts [--port N] [--hostname H]     (PORT and HOSTNAME work too)
 *
 * Before either, an old address an editor redirected (src/redirects) is answered with its 301 or 302
 * from the redirect table in memory.
 *
 * It listens on 127.0.0.1 unless told otherwise, hands the app the one client address it can vouch
 * for (src/server/clientAddress.ts, BYLINE_TRUSTED_PROXIES), sends a strict CSP with reader pages
 * (src/server/securityHeaders.ts), and answers 503 while the database is down (src/server/outage.ts).
 *
 * BYLINE_RESPONSE_CACHE_MB sets the memory budget (default 256; 0 turns the cache off).
 * BYLINE_PAGE_STORE names a directory where the cached pages are also written as files, for the
 * nginx front in deploy/ to serve (src/server/pageStore.ts); unset, nothing is written.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'
import next from 'next'

import { checkSharedDatabase, ConfigurationError, parseDatabaseUrl, readRedisEnv, readTrustedProxies, resolveDataDir } from '../lib/env'
import { mayUseMemory } from '../cache/purgeLogRegistry'
import { forgetAllRecords, forgetRecords } from '../cache/records'
import { startSharedInvalidation } from '../cache/sharedInvalidation'
import { closeAppQueueGate } from '../jobs/lease'
import { readDatabaseProbe } from '../db/probe'
import { locationOf } from '../redirects/paths'
import { registeredRedirectLookup } from '../redirects/registry'
import { captureResponse, type Captured } from './capture'
import { trustedProxies, vouchForClient } from './clientAddress'
import { forLog } from './logText'
import { compressAll, compressFor } from './compress'
import { PageStore, storeFileFor } from './pageStore'
import { DatabaseWatch, outageJson, outagePage } from './outage'
import { isImpossiblePath, isPageRequest, NOT_FOUND_PATH } from './pages'
import { registerPurgeTarget } from './purge'
import { inlineStylesheets, MAX_INLINE_BYTES } from './inlineStyles'
import { READER_PAGE_CSP } from './securityHeaders'
import { stripNextRuntime } from './strip'
import { cacheLifetime, chooseEncoding, isCacheableRequest, isNotModified, ResponseCache, storedHeaders, type CachedPage } from './responseCache'

const root = path.resolve(import.meta.dirname, '../..')

const messages = {
  listen: (where: string, code: string | undefined) =>
    code === 'EADDRINUSE'
      ? `Byline cannot start: ${where} is already in use (another server is listening there). Stop it, or choose another port with PORT or --port.`
      : code === 'EACCES'
        ? `Byline cannot start: not allowed to listen on ${where} (ports below 1024 need privileges). Use a higher port behind nginx (deploy/).`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? `Byline cannot start: ${where} is not an address of this machine. Check HOSTNAME or --hostname.`
          : `Byline cannot start: could not listen on ${where} (${code ?? 'unknown error'}).`,
}

/** Marks the server's own request for the designed 404 page; a per-process secret. */
const INTERNAL_HEADER = 'x-byline-internal'
const internalToken = randomBytes(16).toString('hex')

function options() {
  const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } })
  const port = Number(values.port ?? process.env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${values.port ?? process.env.PORT}`)
  const megabytes = Number(process.env.BYLINE_RESPONSE_CACHE_MB ?? 256)
  if (!Number.isFinite(megabytes) || megabytes < 0) throw new Error(`BYLINE_RESPONSE_CACHE_MB must be a number of megabytes, not ${process.env.BYLINE_RESPONSE_CACHE_MB}`)
  const storeDir = process.env.BYLINE_PAGE_STORE?.trim() || null
  if (storeDir && megabytes === 0) throw new Error('BYLINE_PAGE_STORE writes the pages the response cache keeps: it needs BYLINE_RESPONSE_CACHE_MB above 0')
  // Loopback unless told otherwise: the app is meant to sit behind nginx on the same machine, and
  // anything that can reach it directly skips the front's limits.
  const hostname = values.hostname ?? (process.env.HOSTNAME?.trim() || '127.0.0.1')
  const redis = readRedisEnv()
  // Refused before Next starts, in one line (src/lib/env.ts), not from inside the first request.
  checkSharedDatabase(parseDatabaseUrl(process.env.DATABASE_URL, resolveDataDir(process.env.DATA_DIR)), redis)
  return { port, hostname, maxBytes: megabytes * 1024 * 1024, storeDir, trusted: trustedProxies(readTrustedProxies()), redis }
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/** The build's stylesheets by URL path, read once: a build's files never change under a running server. */
const stylesheets = new Map<string, string | null>()
const staticDir = path.join(root, '.next', 'static')
function readStylesheet(href: string): string | null {
  if (stylesheets.has(href)) return stylesheets.get(href) ?? null
  const file = path.join(staticDir, href.slice('/_next/static/'.length))
  let css: string | null = null
  try {
    // Only a file inside the build's static directory, and no bigger than would be inlined.
    if (file.startsWith(`${staticDir}${path.sep}`) && fs.statSync(file).size <= MAX_INLINE_BYTES) css = fs.readFileSync(file, 'utf8')
  } catch {
    css = null
  }
  stylesheets.set(href, css)
  return css
}

/**
 * Writes to the API and the comment form: taken from Next whole, so that a failure while the
 * database is down can still become a 503 with a clear message (src/server/outage.ts). Reads of
 * the API are left streaming (media files can be large).
 */
const isGuardedWrite = (req: IncomingMessage) =>
  req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS' && /^\/(?:api\/|comments(?:$|[/?]))/.test(req.url ?? '')

const isHtml = (headers: OutgoingHttpHeaders) => /^text\/html/.test(String(headers['content-type'] ?? ''))
/** A staff preview (Next's draft mode): Payload's live preview runs on React, so it keeps Next's runtime. */
const isPreview = (req: IncomingMessage) => /(?:^|;\s*)__prerender_bypass=/.test(req.headers.cookie ?? '')

/** Answers from a cached page: the stored bytes in the best encoding the reader takes, or a 304. */
function answer(req: IncomingMessage, res: ServerResponse, page: CachedPage, status: 'HIT' | 'MISS', extra: OutgoingHttpHeaders = {}) {
  const encoding = chooseEncoding(req.headers['accept-encoding'])
  const headers: OutgoingHttpHeaders = { ...page.headers, ...extra, 'x-byline-cache': status }
  if (isNotModified(req.headers['if-none-match'], page.etag)) {
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

/** Forgets what Next set on a response it failed (its preload hints, its cookies) before another answer is sent. */
const clearHeaders = (res: ServerResponse) => {
  for (const name of res.getHeaderNames()) res.removeHeader(name)
}

/** Sends a response that is not kept: compressed for this reader when it is worth it. */
async function send(req: IncomingMessage, res: ServerResponse, { status, headers, body }: Captured, acceptEncoding: string | undefined, { replace = false } = {}) {
  const out = storedHeaders(headers)
  const { encoding, bytes } = req.method === 'HEAD' ? { encoding: 'identity' as const, bytes: body } : await compressFor(body, out, acceptEncoding)
  if (encoding !== 'identity') out['content-encoding'] = encoding
  out['content-length'] = bytes.length
  // Another answer than Next's: what Next set on the response (even after ending it) goes.
  if (replace) clearHeaders(res)
  res.writeHead(status, out)
  res.end(req.method === 'HEAD' ? undefined : bytes)
}

async function main() {
  const { port, hostname, maxBytes, storeDir, trusted, redis } = options()
  // Next reads this before anything else; the server only ever runs a production build.
  ;(process.env as Record<string, string>).NODE_ENV = 'production'
  const app = next({ dev: false, dir: root, hostname, port })
  await app.prepare()
  const handle = app.getRequestHandler() as Handler

  const cache = new ResponseCache({ maxBytes })
  const database = new DatabaseWatch(readDatabaseProbe)
  const store = storeDir ? new PageStore(storeDir) : null
  store?.open()
  const requests = new AsyncLocalStorage<ServerResponse>()
  let notFoundPage: { generation: number; body: Promise<Buffer> } | null = null
  const purgePages = () => {
    cache.purge()
    store?.rotate()
    notFoundPage = null
  }
  registerPurgeTarget({ purge: purgePages, requests })
  // Shared mode: every instance's changes arrive through the purge log; while it is degraded,
  // mayUseMemory() is false and pages come from Next (and the database) every time.
  const purgeLog = redis ? startSharedInvalidation({ redis, caches: { purgePages, forgetTags: forgetRecords, forgetEverything: forgetAllRecords } }) : null
  const caching = maxBytes > 0

  /** The designed 404 page's HTML, rendered by Next once per cache generation (it shows the site's sections). */
  const designedNotFound = (): Promise<Buffer> => {
    if (notFoundPage && notFoundPage.generation === cache.generation) return notFoundPage.body
    // Asked of this very server, at the address it listens on (loopback when it listens on every interface).
    const { address, port: ownPort } = server.address() as AddressInfo
    const host = address === '::' || address === '0.0.0.0' ? 'localhost' : address
    const body = new Promise<Buffer>((resolve, reject) => {
      const request = http.get({ host, port: ownPort, path: NOT_FOUND_PATH, headers: { [INTERNAL_HEADER]: internalToken } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => (response.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${NOT_FOUND_PATH} answered ${response.statusCode}`))))
        response.on('error', reject)
      })
      request.on('error', reject)
    })
    const entry = { generation: cache.generation, body }
    notFoundPage = entry
    body.catch(() => {
      if (notFoundPage === entry) notFoundPage = null
    })
    return body
  }

  /**
   * Puts a kept page in the page store, once per store generation. Returns the headers telling
   * nginx not to keep a copy of its own: from the next request on it reads the file, which the
   * app replaces the moment the page changes, where a copy of nginx's would outlive the change.
   */
  const toStore = (url: string, page: CachedPage, storeGeneration: number): OutgoingHttpHeaders => {
    if (!store || !mayUseMemory() || !isHtml(page.headers) || storeFileFor(url) === null) return {}
    if (!store.has(url)) void store.write(url, page.bodies, storeGeneration, page.expiresAt)
    return { 'x-accel-expires': '0' }
  }

  /** A reader page from Next: whole, with the designed 404 put in, then kept (when shareable) and sent. */
  async function page(req: IncomingMessage, res: ServerResponse, shareable: boolean) {
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
    if (response.status >= 500 && (await database.isDown())) return send(req, res, outagePage(), acceptEncoding, { replace: true })
    if (response.status === 404 && isHtml(response.headers) && req.method === 'GET') {
      try {
        const headers = { ...response.headers }
        delete headers.etag
        response = { ...response, headers, body: await designedNotFound() }
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
    if (lifetime === null) return send(req, res, response, acceptEncoding)
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
    answer(req, res, stored, 'MISS', extra)
  }

  /** The designed 404 for an address no page can have (a 10,000-character slug), without asking Next. */
  async function impossible(req: IncomingMessage, res: ServerResponse) {
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': READER_PAGE_CSP }
    let html: string
    try {
      html = inlineStylesheets(stripNextRuntime((await designedNotFound()).toString('utf8')), readStylesheet)
    } catch (error) {
      console.error('Could not render the designed 404 page for', forLog(req.url), error)
      html = '<!DOCTYPE html><title>Page not found</title><h1>Page not found</h1>'
    }
    await send(req, res, { status: 404, headers, body: Buffer.from(html) }, req.headers['accept-encoding'])
  }

  /** A write, passed through as Next answers it, unless it failed because the database is down. */
  async function write(req: IncomingMessage, res: ServerResponse) {
    const captured = captureResponse(res)
    void handle(req, res)
    const response = await captured
    const outage = response.status >= 500 && (await database.isDown())
    if (outage) clearHeaders(res)
    const out = outage ? (req.url?.startsWith('/api/') ? outageJson() : outagePage()) : response
    res.writeHead(out.status, out.headers)
    res.end(req.method === 'HEAD' ? undefined : out.body)
  }

  const server = http.createServer((req, res) => {
    requests.run(res, () => {
      // From here on the app sees one address as the client's, the one this server can vouch for:
      // flood control, view counts and login throttles read it (src/lib/requestMetadata.ts).
      vouchForClient(req, trusted)
      const internal = req.headers[INTERNAL_HEADER] === internalToken
      delete req.headers[INTERNAL_HEADER]
      if (internal) return void handle(req, res)
      // The designed page's own address is not a page: asked for directly, it is a 404 like any other.
      if (req.url?.split('?', 1)[0] === NOT_FOUND_PATH) req.url = `${NOT_FOUND_PATH}/none`
      if (isGuardedWrite(req)) {
        return void write(req, res).catch((error: unknown) => {
          console.error('Could not answer', req.method, forLog(req.url), error)
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          res.end('Internal Server Error')
        })
      }
      if (!isPageRequest(req)) return void handle(req, res)
      if (isImpossiblePath(req.url)) {
        return void impossible(req, res).catch((error: unknown) => {
          console.error('Could not answer', forLog(req.url), error)
          res.end()
        })
      }
      const lookUpRedirect = registeredRedirectLookup()
      if (!lookUpRedirect) return readerPage(req, res)
      lookUpRedirect(req.url as string).then(
        (redirect) => {
          if (!redirect) return readerPage(req, res)
          // no-cache: a browser asks again (cheaply) rather than keeping a redirect an editor may change.
          res.writeHead(redirect.status, { location: locationOf(redirect.to), 'cache-control': 'no-cache', 'x-accel-expires': '0' })
          res.end()
        },
        (error: unknown) => {
          // The database is down or the table unreadable: the page itself may still be served.
          console.error('Could not read the redirects for', forLog(req.url), error)
          readerPage(req, res)
        },
      )
    })
  })

  /** A reader page: from the response cache, else from Next. */
  function readerPage(req: IncomingMessage, res: ServerResponse) {
    const shareable = isCacheableRequest(req)
    const cached = caching && shareable && mayUseMemory() ? cache.get(req.url as string) : undefined
    if (cached) return answer(req, res, cached, 'HIT', store ? toStore(req.url as string, cached, store.generation) : {})
    page(req, res, shareable).catch((error: unknown) => {
      console.error('Could not answer', forLog(req.url), error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('Internal Server Error')
    })
  }
  // Longer than the keep-alive of a proxy in front (nginx: 60 s), so the proxy closes first.
  server.keepAliveTimeout = 65_000
  // Next keeps the process alive after an unhandled listen error, serving nothing: end it instead.
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(messages.listen(`${hostname}:${port}`, error.code))
    process.exit(1)
  })
  server.listen(port, hostname, () => {
    const stored = store ? `, page store ${store.dir}` : ''
    console.log(`Byline ready on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port} (response cache ${caching ? `${maxBytes / 1024 / 1024} MB` : 'off'}${stored})`)
  })
  // Finish the requests in flight, then go; a client holding a connection open cannot keep us up.
  const stop = () => {
    // Hands the jobs lease back at once, so another instance runs the next tick instead of
    // waiting out its TTL, and leaves Redis before going.
    const released = Promise.allSettled([closeAppQueueGate(), purgeLog?.stop()])
    server.close(() => void released.then(() => process.exit(0)))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((error: unknown) => {
  // A configuration problem is one readable line (src/lib/env.ts); anything else in full.
  console.error(error instanceof ConfigurationError ? error.message : error)
  process.exit(1)
})
