import { randomBytes } from 'node:crypto'
import http, { type IncomingMessage } from 'node:http'

import { NOT_FOUND_PATH } from './requestKinds'

/**
 * The designed 404 page, put into the HTML of every reader page Next answers 404. Next 16 answers
 * `notFound()` on a matched route with an empty shell and draws the not-found page in the browser
 * (vercel/next.js#62228), so without JavaScript readers and crawlers would see a blank page.
 *
 * The page is rendered by Next at NOT_FOUND_PATH, asked of this very server with a per-process
 * secret header, once per cache generation (it shows the site's sections, which an editor can
 * change).
 */

const INTERNAL_HEADER = 'x-byline-internal'

export class DesignedNotFound {
  readonly #token = randomBytes(16).toString('hex')
  #page: { generation: number; body: Promise<Buffer> } | null = null

  constructor(
    /** Where this server listens, for asking it. */
    private readonly origin: () => { host: string; port: number },
    /** The response cache's generation: a purge makes the page be rendered again. */
    private readonly generation: () => number,
  ) {}

  /** Whether a request is the server's own, asking Next for the page; the mark is taken off either way. */
  isOwnRequest(req: IncomingMessage): boolean {
    const own = req.headers[INTERNAL_HEADER] === this.#token
    delete req.headers[INTERNAL_HEADER]
    return own
  }

  /** The page's HTML; a failure is not remembered, so the next reader's 404 asks again. */
  body(): Promise<Buffer> {
    const generation = this.generation()
    if (this.#page && this.#page.generation === generation) return this.#page.body
    const { host, port } = this.origin()
    const body = new Promise<Buffer>((resolve, reject) => {
      const request = http.get({ host, port, path: NOT_FOUND_PATH, headers: { [INTERNAL_HEADER]: this.#token } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => (response.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${NOT_FOUND_PATH} answered ${response.statusCode}`))))
        response.on('error', reject)
      })
      request.on('error', reject)
    })
    const entry = { generation, body }
    this.#page = entry
    body.catch(() => {
      if (this.#page === entry) this.#page = null
    })
    return body
  }

  forget() {
    this.#page = null
  }
}
