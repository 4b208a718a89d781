/**
 * The production server (`npm start`): Next's request handler behind what Next cannot do itself
 * for reader pages. This file only wires the parts together; each is a module of its own:
 *
 * - which way a request goes (./requestHandler.ts, ./requestKinds.ts), old addresses an editor
 *   redirected (src/redirects) answered from memory first;
 * - the page pipeline (./pagePipeline.ts): the response cache (./responseCache.ts, kept by
 *   ./cachePolicy.ts, sent by ./encoding.ts), the designed 404 in the HTML
 *   (./designedNotFound.ts), Next's runtime stripped and the stylesheet inlined, a strict CSP
 *   (./securityHeaders.ts);
 * - the page store nginx serves from (./pageStore.ts, one writer per machine: ./pageStoreSeat.ts);
 * - 503 while the database is down (./outage.ts);
 * - the one client address it can vouch for (./clientAddress.ts, BYLINE_TRUSTED_PROXIES);
 * - purges: from this process (src/cache/purgeSignal.ts) and, with REDIS_URL, from every other
 *   instance (src/cache/sharedInvalidation.ts).
 *
 *   tsx src/productionServer/start.ts [--port N] [--hostname H]     (PORT and HOSTNAME work too)
 *
 * The environment it reads (BYLINE_RESPONSE_CACHE_MB, BYLINE_PAGE_STORE, …) is checked in
 * src/lib/env.ts (readProductionServerEnv). The deep dive is ./README.md.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import http, { type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'
import next from 'next'

import { subscribeToPurges } from '@/cache/purgeSignal'
import { forgetAllRecords, forgetRecords } from '@/cache/records'
import { startSharedInvalidation } from '@/cache/sharedInvalidation'
import { readDatabaseProbe } from '@/db/probe'
import { closeAppQueueGate } from '@/jobs/lease'
import { ConfigurationError, enterProductionMode, readProductionServerEnv } from '@/lib/env'

import { trustedProxies } from './clientAddress'
import { DesignedNotFound } from './designedNotFound'
import { stylesheetsOf } from './inlineStyles'
import { DatabaseWatch } from './outage'
import { type Handle, pagePipeline } from './pagePipeline'
import { PageStoreSeat } from './pageStoreSeat'
import { requestHandler } from './requestHandler'
import { ResponseCache } from './responseCache'

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
  ready: (hostname: string, port: number, cacheBytes: number, store: string | null) =>
    `Byline ready on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port} (response cache ${cacheBytes > 0 ? `${cacheBytes / 1024 / 1024} MB` : 'off'}${store ? `, page store ${store}` : ''})`,
}

async function main() {
  const { values: args } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } })
  // Refused before Next starts, in one line (src/lib/env.ts), not from inside the first request.
  const env = readProductionServerEnv(args)
  // Next reads this before anything else; the server only ever runs a production build.
  enterProductionMode()
  const app = next({ dev: false, dir: root, hostname: env.hostname, port: env.port })
  await app.prepare()
  const handle = app.getRequestHandler() as Handle

  const cache = new ResponseCache({ maxBytes: env.responseCacheBytes })
  // Every instance on the machine may be given the store: one writes it, the others empty it should that one go.
  const store = env.pageStore ? await PageStoreSeat.join(env.pageStore) : null
  const notFound = new DesignedNotFound(() => {
    // Asked of this very server, at the address it listens on (loopback when it listens on every interface).
    const { address, port } = server.address() as AddressInfo
    return { host: address === '::' || address === '0.0.0.0' ? 'localhost' : address, port }
  }, () => cache.generation)
  const purgePages = () => {
    cache.purge()
    void store?.purge().catch((error: unknown) => console.error('Page store: could not empty', store.dir, error))
    notFound.forget()
  }
  const requests = new AsyncLocalStorage<ServerResponse>()
  subscribeToPurges({ purge: purgePages, requests })
  // Shared mode: every instance's changes arrive through the purge log; while it is degraded,
  // mayUseMemory() is false and pages come from Next (and the database) every time.
  const purgeLog = env.redis ? startSharedInvalidation({ redis: env.redis, caches: { purgePages, forgetTags: forgetRecords, forgetEverything: forgetAllRecords } }) : null

  const pipeline = pagePipeline({
    handle,
    cache,
    caching: env.responseCacheBytes > 0,
    store,
    database: new DatabaseWatch(readDatabaseProbe),
    notFound,
    readStylesheet: stylesheetsOf(path.join(root, '.next', 'static')),
  })
  const handleRequest = requestHandler({ handle, pipeline, notFound, trusted: trustedProxies(env.trustedProxies) })
  const server = http.createServer((req, res) => requests.run(res, () => handleRequest(req, res)))

  // Longer than the keep-alive of a proxy in front (nginx: 60 s), so the proxy closes first.
  server.keepAliveTimeout = 65_000
  // Next keeps the process alive after an unhandled listen error, serving nothing: end it instead.
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(messages.listen(`${env.hostname}:${env.port}`, error.code))
    process.exit(1)
  })
  server.listen(env.port, env.hostname, () => console.log(messages.ready(env.hostname, env.port, env.responseCacheBytes, store?.dir ?? null)))
  // Finish the requests in flight, then go; a client holding a connection open cannot keep us up.
  const stop = () => {
    // Hands the jobs lease back at once, so another instance runs the next tick instead of
    // waiting out its TTL, and leaves Redis before going.
    const released = Promise.allSettled([closeAppQueueGate(), purgeLog?.stop(), store?.close()])
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
