import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll } from 'vitest'

import { registerRedirectLookup } from '@/redirects/registry'
import { trustedProxies } from '@/productionServer/clientAddress'
import { DesignedNotFound } from '@/productionServer/designedNotFound'
import { DatabaseWatch } from '@/productionServer/outage'
import { pagePipeline } from '@/productionServer/pagePipeline'
import { requestHandler } from '@/productionServer/requestHandler'
import { NOT_FOUND_PATH } from '@/productionServer/requestKinds'
import { ResponseCache } from '@/productionServer/responseCache'

/**
 * The production server's request handler and page pipeline over a real socket, with a stand-in
 * for Next's request handler that answers the way Next does (writeHead, then end), so each rule is
 * seen from a client (tests/unit/pagePipeline.spec.ts, tests/unit/requestHandler.spec.ts).
 */

export const CACHED = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 's-maxage=3600, stale-while-revalidate=31532400', 'x-nextjs-cache': 'HIT' }
export const PER_REQUEST = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' }

export type Answer = { status: number; headers: OutgoingHttpHeaders; body: string }

/**
 * Starts the server for the spec that calls it, and after each test forgets what the stand-in
 * was told and asked, the kept pages and the redirect table. The stand-in answers the paths in
 * `nextAnswers`, the designed 404 at its own address, and anything else with Next's empty 404;
 * `asked` lists the paths it was asked, in order.
 */
export function useStandInNext({ databaseDown = () => false }: { databaseDown?: () => boolean } = {}) {
  const nextAnswers: Record<string, Answer> = {}
  const asked: string[] = []
  const cache = new ResponseCache({ maxBytes: 1024 * 1024 })
  const served = {
    nextAnswers,
    asked,
    cache,
    origin: '',
    get: (path: string, headers: Record<string, string> = {}) => fetch(`${served.origin}${path}`, { headers, redirect: 'manual' }),
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/'
    asked.push(path)
    const answer = path === NOT_FOUND_PATH ? { status: 200, headers: PER_REQUEST, body: '<h1>Designed: not found</h1>' } : (nextAnswers[path] ?? { status: 404, headers: PER_REQUEST, body: '' })
    res.writeHead(answer.status, answer.headers)
    res.end(answer.body)
  }

  const server = http.createServer()
  beforeAll(async () => {
    const notFound = new DesignedNotFound(() => ({ host: '127.0.0.1', port: (server.address() as AddressInfo).port }), () => cache.generation)
    const database = new DatabaseWatch(() => async () => (databaseDown() ? { up: false, reason: 'connection refused' } : { up: true }), { error: () => {}, info: () => {} })
    const pipeline = pagePipeline({ handle, cache, caching: true, store: null, database, notFound, readStylesheet: () => null })
    server.on('request', requestHandler({ handle, pipeline, notFound, trusted: trustedProxies(['127.0.0.1/32']) }))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    served.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  afterEach(() => {
    for (const path of Object.keys(nextAnswers)) delete nextAnswers[path]
    asked.length = 0
    cache.purge()
    registerRedirectLookup(undefined as never)
  })

  return served
}
