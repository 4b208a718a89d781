import http, { type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { DesignedNotFound } from '@/productionServer/designedNotFound'
import { NOT_FOUND_PATH } from '@/productionServer/requestKinds'

/**
 * The designed 404 page (src/productionServer/designedNotFound.ts), asked of a stand-in for the
 * server it belongs to: what it asks for, how often, and what it remembers. How the page pipeline
 * puts it into a reader's 404 is tests/unit/pagePipeline.spec.ts.
 */

let generation = 0
let status = 200
/** The paths the stand-in rendered as the page's own, and the headers each request kept after the check. */
let rendered: string[] = []
let readerHeaders: IncomingMessage['headers'][] = []
let ownHeaders: IncomingMessage['headers'][] = []

const notFound = new DesignedNotFound(() => ({ host: '127.0.0.1', port: (server.address() as AddressInfo).port }), () => generation)
const server = http.createServer((req, res) => {
  if (!notFound.isOwnRequest(req)) {
    readerHeaders.push(req.headers)
    res.writeHead(404)
    return void res.end()
  }
  rendered.push(req.url ?? '')
  ownHeaders.push(req.headers)
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
  res.end(`<h1>Designed: not found (${rendered.length})</h1>`)
})

beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)))
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

beforeEach(() => {
  generation += 1
  status = 200
  rendered = []
  readerHeaders = []
  ownHeaders = []
})

describe('the designed 404 page', () => {
  it('is asked of the server at its own address, by a request the server knows as its own', async () => {
    expect((await notFound.body()).toString()).toBe('<h1>Designed: not found (1)</h1>')
    expect(rendered).toEqual([NOT_FOUND_PATH])
    // Next renders it as for anyone: the mark is taken off.
    expect(ownHeaders[0]).not.toHaveProperty('x-byline-internal')
  })

  it('is rendered once per cache generation, and again after a purge', async () => {
    await notFound.body()
    await notFound.body()
    expect(rendered).toHaveLength(1)
    generation += 1
    expect((await notFound.body()).toString()).toContain('(2)')
    notFound.forget()
    expect((await notFound.body()).toString()).toContain('(3)')
  })

  it('remembers no failure: the next reader’s 404 asks again', async () => {
    status = 500
    await expect(notFound.body()).rejects.toThrow(`${NOT_FOUND_PATH} answered 500`)
    status = 200
    expect((await notFound.body()).toString()).toContain('Designed: not found')
    expect(rendered).toHaveLength(2)
  })

  it('cannot be asked for by a reader who copies the mark, and the mark never reaches Next', async () => {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${NOT_FOUND_PATH}`, { headers: { 'x-byline-internal': 'a guess' } })
    expect(response.status).toBe(404)
    expect(rendered).toEqual([])
    expect(readerHeaders[0]).not.toHaveProperty('x-byline-internal')
  })
})
