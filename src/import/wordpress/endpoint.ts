/**
 * The admin screen's API: `POST /api/import-sources/wordpress` takes an export as the request
 * body and starts an import; `GET /api/import-sources/wordpress/:run` reports its progress and,
 * at the end, its report. Admins only, everyone else gets 403.
 */
import type { ReadableStream } from 'node:stream/web'
import type { Endpoint, PayloadRequest } from 'payload'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { isAdminUser } from '@/access/isAdmin'

import { activeRun, findRun, startRun } from './runs'

/** The largest export the admin screen takes; bigger sites use the command line. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024

const messages = {
  forbidden: 'Only administrators can import a WordPress site.',
  empty: 'Send the WordPress export file (WXR, .xml) as the request body.',
  tooLarge: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Import it with the command line: npm run import:wordpress -- FILE.xml`,
  busy: 'An import is already running; wait for it to finish.',
  unknownRun: 'No import with this id (the last ten finished imports are kept).',
}

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
const refuse = (message: string, status: number) => json({ errors: [{ message }] }, status)

class TooLarge extends Error {}

/** The request body into a temporary file, refused as soon as it passes the limit. */
async function saveUpload(req: PayloadRequest): Promise<string | null> {
  if (!req.body) return null
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > MAX_UPLOAD_BYTES) throw new TooLarge()
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'byline-wxr-'))
  const file = path.join(dir, 'export.xml')
  let received = 0
  const source = Readable.fromWeb(req.body as ReadableStream<Uint8Array>)
  source.on('data', (chunk: Buffer) => {
    received += chunk.length
    if (received > MAX_UPLOAD_BYTES) source.destroy(new TooLarge())
  })
  try {
    await pipeline(source, fs.createWriteStream(file))
  } catch (error) {
    await fs.promises.rm(dir, { recursive: true, force: true })
    throw error
  }
  if (received === 0) {
    await fs.promises.rm(dir, { recursive: true, force: true })
    return null
  }
  return file
}

export const importUploadEndpoint: Endpoint = {
  path: '/wordpress',
  method: 'post',
  handler: async (req) => {
    if (!isAdminUser(req.user)) return refuse(messages.forbidden, 403)
    if (await activeRun(req.payload)) return refuse(messages.busy, 409)
    let file: string | null
    try {
      file = await saveUpload(req)
    } catch (error) {
      if (error instanceof TooLarge) return refuse(messages.tooLarge, 413)
      throw error
    }
    if (!file) return refuse(messages.empty, 400)
    const dryRun = new URL(req.url ?? '', 'http://site.invalid').searchParams.get('dryRun') === 'true'
    const run = await startRun({ payload: req.payload, file, dryRun })
    return json(run, 202)
  },
}

export const importStatusEndpoint: Endpoint = {
  path: '/wordpress/:run',
  method: 'get',
  handler: async (req) => {
    if (!isAdminUser(req.user)) return refuse(messages.forbidden, 403)
    const run = await findRun(req.payload, String(req.routeParams?.run ?? ''))
    return run ? json(run, 200) : refuse(messages.unknownRun, 404)
  },
}
