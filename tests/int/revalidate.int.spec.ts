import type { Payload } from 'payload'

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expireTags } from '@/cache/expire'
import { serverExpiry } from '@/cache/hooks'
import { tag } from '@/cache/tags'

import { POST } from '../../app/(site)/revalidate/route'
import { getTestPayload } from '../helpers/payload'

/**
 * A change made outside any request (the jobs runner publishing on schedule, `npm run jobs`) asks
 * the running server over HTTP to expire its cached pages (src/cache/expire.ts). Here the
 * server's real /revalidate route handler answers on a real socket, and the request is signed
 * exactly as Payload's afterChange hooks sign it.
 */
describe('Expiring cached pages from a background process', () => {
  let payload: Payload
  let server: http.Server
  let serverURL: string
  const answered: number[] = []

  beforeAll(async () => {
    payload = await getTestPayload()
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', async () => {
        const headers = new Headers()
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
        const response = await POST(new Request(`http://127.0.0.1${req.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) }))
        answered.push(response.status)
        res.writeHead(response.status)
        res.end(await response.text())
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    serverURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('signs the request the way the /revalidate route checks it, so a scheduled publish refreshes the site', async () => {
    answered.length = 0
    const errors: string[] = []
    await expireTags([tag.latest, tag.sitemap], { ...serverExpiry(payload), serverURL, logger: { error: (message) => errors.push(message) } })
    expect(errors).toEqual([])
    expect(answered).toEqual([204])
  })

  it('refuses a request signed with any other key, and the refusal is logged', async () => {
    answered.length = 0
    const errors: string[] = []
    // Payload's derived `payload.secret` is not the configured secret: the cause of issue #9 A.
    await expireTags([tag.latest], { secret: payload.secret, serverURL, logger: { error: (message) => errors.push(message) }, redis: null })
    expect(answered).toEqual([401])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('answered 401')
  })
})
