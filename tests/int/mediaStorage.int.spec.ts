import type { Payload } from 'payload'

import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { REST_GET, REST_PATCH } from '@payloadcms/next/routes'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { buildConfig, getPayload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { S3Env } from '@/media/storage'

import { contentHashField, hashUpload } from '@/media/contentHash'
import { mediaSkipSafeFetch, mediaStorage, parseS3Env, s3ClientConfig } from '@/media/storage'

/**
 * Media on S3 (issue #7) against a real S3-compatible server that checks signatures: Ceph's
 * radosgw on one node, started by scripts/s3-server.sh (about 20 s). A Payload of its own (a
 * temporary SQLite database, an upload collection with image sizes like Byline's) stores uploads
 * through src/media/storage.ts and serves them through its REST handler, which is what
 * /api/media/file/<name> is. If the server cannot be started, the suite fails and says why.
 */

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-s3-int-'))
const s3Dir = path.join(workDir, 's3')

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = http.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })

/** `export NAME=value` lines, as the script prints them. */
const parseExports = (text: string) =>
  Object.fromEntries([...text.matchAll(/^export ([A-Z0-9_]+)=(.*)$/gm)].map(([, name, value]) => [name, value]))

const residentKb = (pid: string) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN)

async function bytesOf(body: unknown): Promise<Buffer> {
  if (body instanceof Readable) {
    const chunks: Buffer[] = []
    for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array))
    return Buffer.concat(chunks)
  }
  throw new Error('S3 returned a body that is not a stream')
}

describe('Media on S3 (Ceph radosgw)', () => {
  let s3: S3Env
  let client: S3Client
  let payload: Payload
  let site: http.Server
  let serverURL: string
  const handlers = { GET: null as ReturnType<typeof REST_GET> | null, PATCH: null as ReturnType<typeof REST_PATCH> | null }

  const api = async (method: 'GET' | 'PATCH', pathname: string, init: { headers?: Record<string, string>; body?: string } = {}) => {
    const url = new URL(pathname, serverURL)
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const handler = handlers[method]
    if (!handler) throw new Error('REST handlers not ready')
    return handler(new Request(url, { method, headers: init.headers, body: init.body }), { params: Promise.resolve({ slug }) })
  }

  beforeAll(async () => {
    const port = await freePort()
    const started = Date.now()
    let stdout: string
    try {
      ;({ stdout } = await run('bash', [path.join(root, 'scripts/s3-server.sh'), 'start', '--dir', s3Dir, '--port', String(port)], { cwd: root }))
    } catch (error) {
      const { stderr, message } = error as { stderr?: string; message: string }
      throw new Error(`scripts/s3-server.sh could not start radosgw: ${stderr || message}`)
    }
    const bootMs = Date.now() - started
    const pids = fs.readdirSync(path.join(s3Dir, 'run')).filter((name) => name.endsWith('.pid'))
    const rss = pids.map((name) => `${name.replace('.pid', '')} ${Math.round(residentKb(fs.readFileSync(path.join(s3Dir, 'run', name), 'utf8').trim()) / 1024)} MB`)
    console.log(`radosgw ready in ${bootMs} ms; resident memory: ${rss.join(', ')}`)

    const parsed = parseS3Env(parseExports(stdout))
    if (!parsed) throw new Error(`scripts/s3-server.sh printed no S3_* environment: ${stdout}`)
    s3 = parsed
    client = new S3Client(s3ClientConfig(s3))

    // The site the crop test fetches the original from: Payload's REST handler on a real port.
    site = http.createServer((req, res) => {
      api('GET', req.url ?? '/', { headers: { host: req.headers.host ?? '' } }).then(
        async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers))
          res.end(Buffer.from(await response.arrayBuffer()))
        },
        (error: unknown) => {
          res.writeHead(502)
          res.end(String(error))
        },
      )
    })
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
    serverURL = `http://127.0.0.1:${(site.address() as AddressInfo).port}`

    const config = buildConfig({
      serverURL,
      secret: randomBytes(32).toString('hex'),
      db: sqliteAdapter({ client: { url: `file:${path.join(workDir, 'media.db')}` } }),
      sharp,
      telemetry: false,
      collections: [
        {
          slug: 'media',
          access: { read: () => true, create: () => true, update: () => true, delete: () => true },
          upload: {
            mimeTypes: ['image/*'],
            focalPoint: true,
            imageSizes: [
              { name: 'thumbnail', width: 320, height: 320, position: 'centre' },
              { name: 'card', width: 640 },
              { name: 'og', width: 1200, height: 630, position: 'centre' },
            ],
            formatOptions: { format: 'webp', options: { quality: 82 } },
            skipSafeFetch: mediaSkipSafeFetch(serverURL),
          },
          // The duplicate check's hash, as Byline's media collection has it (src/media/contentHash.ts).
          hooks: { beforeOperation: [hashUpload] },
          fields: [{ name: 'alt', type: 'text' }, contentHashField],
        },
      ],
      plugins: [mediaStorage(s3)],
    })
    handlers.GET = REST_GET(config)
    handlers.PATCH = REST_PATCH(config)
    payload = await getPayload({ config })
  }, 300_000)

  afterAll(async () => {
    await payload?.destroy()
    site?.close()
    client?.destroy()
    await run('bash', [path.join(root, 'scripts/s3-server.sh'), 'stop', '--dir', s3Dir], { cwd: root })
    fs.rmSync(workDir, { recursive: true, force: true })
  }, 60_000)

  const bucketKeys = async () => (await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents?.map((object) => object.Key ?? '') ?? []

  const objectBytes = async (key: string) => bytesOf((await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))).Body)

  /** The stored object for a file name (the plugin may put it under a folder). */
  const keyFor = async (filename: string) => {
    const key = (await bucketKeys()).find((candidate) => candidate === filename || candidate.endsWith(`/${filename}`))
    if (!key) throw new Error(`${filename} is not in the bucket`)
    return key
  }

  /** A photo-sized JPEG, wider than every size (so each is made), quick to encode. */
  const photo = async (width = 1280, height = 800) => {
    const raw = Buffer.alloc(width * height * 3)
    const seed = randomBytes(3)
    for (let i = 0; i < raw.length; i += 3) {
      const x = (i / 3) % width
      const y = Math.floor(i / 3 / width)
      raw[i] = (x + (seed[0] ?? 0)) & 255
      raw[i + 1] = (y + (seed[1] ?? 0)) & 255
      raw[i + 2] = ((x ^ y) + (seed[2] ?? 0)) & 255
    }
    return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer()
  }

  const upload = async () => {
    const data = await photo()
    return payload.create({
      collection: 'media',
      data: { alt: 'Noise' },
      file: { data, mimetype: 'image/jpeg', name: `noise-${randomBytes(3).toString('hex')}.jpg`, size: data.length },
    })
  }

  it('keeps the SHA-256 of the file as uploaded, not of the WebP the bucket holds', async () => {
    const data = await photo(400, 300)
    const doc = await payload.create({ collection: 'media', data: { alt: 'Hashed' }, file: { data, mimetype: 'image/jpeg', name: `hashed-${randomBytes(3).toString('hex')}.jpg`, size: data.length } })
    const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
    expect(doc.contentHash).toBe(sha256(data))
    const stored = await objectBytes(await keyFor(doc.filename ?? ''))
    expect(sha256(stored)).not.toBe(doc.contentHash)
  })

  it('stores the original and every image size in the bucket, not on the local disk', async () => {
    const doc = await upload()
    const sizes = doc.sizes as Record<string, { filename?: string | null; filesize?: number | null }>
    const filenames = [doc.filename, ...['thumbnail', 'card', 'og'].map((name) => sizes[name]?.filename)]
    expect(filenames.every((name) => typeof name === 'string' && name.length > 0)).toBe(true)
    const mimeTypes = [doc.mimeType, ...['thumbnail', 'card', 'og'].map((name) => (sizes[name] as { mimeType?: string } | undefined)?.mimeType)]
    for (const [index, filename] of (filenames as string[]).entries()) {
      const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: await keyFor(filename) }))
      expect(head.ContentType).toBe(mimeTypes[index])
    }
    const card = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: await keyFor(sizes.card?.filename ?? '') }))
    expect(card.ContentLength).toBe(sizes.card?.filesize)
    // Nothing was written where Payload keeps local uploads (the collection's slug under cwd).
    expect(fs.existsSync(path.join(process.cwd(), 'media', doc.filename ?? ''))).toBe(false)
    // Served by Payload, not by the bucket: the URL is the site's own file route.
    expect(new URL(doc.url ?? '', serverURL).pathname).toBe(`/api/media/file/${doc.filename}`)
  })

  it('serves the stored bytes through /api/media/file/<name>, with ranges', async () => {
    const doc = await upload()
    const og = (doc.sizes as Record<string, { filename?: string | null }>).og?.filename ?? ''
    for (const filename of [doc.filename ?? '', og]) {
      const stored = await objectBytes(await keyFor(filename))
      const response = await api('GET', `/api/media/file/${encodeURIComponent(filename)}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^image\/(webp|jpeg)$/)
      expect(response.headers.get('etag')).toBeTruthy()
      expect(Buffer.from(await response.arrayBuffer()).equals(stored)).toBe(true)
    }
    const stored = await objectBytes(await keyFor(doc.filename ?? ''))
    const partial = await api('GET', `/api/media/file/${encodeURIComponent(doc.filename ?? '')}`, { headers: { range: 'bytes=10-19' } })
    expect(partial.status).toBe(206)
    expect(Buffer.from(await partial.arrayBuffer()).equals(stored.subarray(10, 20))).toBe(true)
    expect((await api('GET', '/api/media/file/no-such-file.webp')).status).toBe(404)
  })

  it('re-crops a stored image by fetching the original from the site’s own host (skipSafeFetch)', async () => {
    const doc = await upload()
    const before = (doc.sizes as Record<string, { filename?: string | null }>).thumbnail?.filename ?? ''
    const beforeBytes = await objectBytes(await keyFor(before))
    // What the admin's focal-point editor sends.
    const response = await api('PATCH', `/api/media/${doc.id}?uploadEdits[focalPoint][x]=10&uploadEdits[focalPoint][y]=20`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    })
    const body = (await response.json()) as { doc?: { focalX?: number; sizes?: Record<string, { filename?: string }> }; errors?: unknown }
    expect(response.status, JSON.stringify(body.errors)).toBe(200)
    expect(body.doc?.focalX).toBe(10)
    const after = body.doc?.sizes?.thumbnail?.filename ?? ''
    // The thumbnail was cut again around the new focal point, from the original fetched over HTTP.
    expect((await objectBytes(await keyFor(after))).equals(beforeBytes)).toBe(false)
  }, 120_000)

  it('is refused by the server with a wrong secret key: requests are signed and checked', async () => {
    const doc = await upload()
    const key = await keyFor(doc.filename ?? '')
    const forger = new S3Client(s3ClientConfig({ ...s3, secretAccessKey: `${s3.secretAccessKey.slice(0, -1)}x` }))
    try {
      await expect(forger.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } })
      await expect(forger.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'forged.txt', Body: 'forged' }))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' })
    } finally {
      forger.destroy()
    }
    expect(await bucketKeys()).not.toContain('forged.txt')
    // And the bucket is private: no signature at all, no file.
    const anonymous = await fetch(`${s3.endpoint}/${s3.bucket}/${key}`)
    expect(anonymous.status).toBe(403)
  })

  it('stores a streamed upload intact with checksums WHEN_REQUIRED (the SDK default breaks it)', async () => {
    const bytes = randomBytes(300_000)
    const stream = () => Readable.from([bytes.subarray(0, 100_000), bytes.subarray(100_000)])
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'streamed.bin', Body: stream(), ContentLength: bytes.length }))
    expect((await objectBytes('streamed.bin')).equals(bytes)).toBe(true)

    const { requestChecksumCalculation: _request, responseChecksumValidation: _response, ...defaults } = s3ClientConfig(s3)
    const sdkDefault = new S3Client(defaults)
    try {
      await expect(sdkDefault.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'streamed-default.bin', Body: stream(), ContentLength: bytes.length }))).rejects.toThrow()
    } finally {
      sdkDefault.destroy()
      await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: 'streamed.bin' }))
    }
  })

  it('deletes the original and every size from the bucket with the document', async () => {
    const doc = await upload()
    const sizes = doc.sizes as Record<string, { filename?: string | null }>
    const filenames = [doc.filename ?? '', ...Object.values(sizes).map((size) => size.filename ?? '')]
    await payload.delete({ collection: 'media', id: doc.id })
    const keys = await bucketKeys()
    for (const filename of filenames) expect(keys.some((key) => key.endsWith(filename))).toBe(false)
  })
})
