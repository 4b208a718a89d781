import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

export type Captured = { status: number; headers: OutgoingHttpHeaders; body: Buffer }

type Callback = (error?: Error | null) => void

const toBuffer = (chunk: unknown, encoding: unknown): Buffer =>
  Buffer.isBuffer(chunk)
    ? chunk
    : typeof chunk === 'string'
      ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding)
      : Buffer.from(chunk as Uint8Array)

/**
 * Takes Next's answer off the wire: from now on, what Next writes to `res` is collected instead of
 * sent, and the promise gives the status, headers and body once Next ends the response. The
 * caller then sends something itself with `res.writeHead` and `res.end`, which are Node's own
 * again by then. Next writes pages with writeHead/write/end (and flushHeaders when streaming),
 * which is all there is to take over.
 */
export function captureResponse(res: ServerResponse): Promise<Captured> {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders }
  const chunks: Buffer[] = []
  let status: number | null = null
  return new Promise<Captured>((resolve) => {
    res.writeHead = function writeHead(code: number, ...rest: unknown[]) {
      status = code
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null)
      if (Array.isArray(headers)) {
        for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string)
      } else if (headers) {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string)
      }
      return res
    } as ServerResponse['writeHead']
    res.flushHeaders = () => {}
    res.write = function write(chunk: unknown, ...rest: unknown[]) {
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, rest[0]))
      const callback = rest.find((arg): arg is Callback => typeof arg === 'function')
      if (callback) process.nextTick(callback)
      return true
    } as ServerResponse['write']
    res.end = function end(...args: unknown[]) {
      const [chunk, encoding] = typeof args[0] === 'function' ? [] : args
      if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding))
      Object.assign(res, original)
      resolve({ status: status ?? res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) })
      const callback = args.find((arg): arg is Callback => typeof arg === 'function')
      if (callback) res.once('finish', () => callback())
      return res
    } as ServerResponse['end']
  })
}
