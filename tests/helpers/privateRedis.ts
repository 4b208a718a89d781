import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import { Redis } from 'ioredis'

/**
 * A redis-server of the test's own, on a free port, without persistence: for tests that stop,
 * pause or restart Redis, which must never touch the shared one on 6379.
 */
export type PrivateRedis = {
  url: string
  port: number
  /** Stops the server (its data is lost, as with `--save ''` in production). */
  stop: () => Promise<void>
  /** Starts it again on the same port; resolves once it answers. */
  start: () => Promise<void>
  /** Freezes the process (SIGSTOP): connections stay open and nothing answers, like a hung network. */
  pause: () => void
  resume: () => void
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function waitUntilAnswering(url: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 })
    // Refused connections are expected while the server boots; the rejected connect() below reports them.
    client.on('error', () => undefined)
    try {
      await client.connect()
      await client.ping()
      return
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`redis-server at ${url} did not answer: ${error instanceof Error ? error.message : error}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    } finally {
      client.disconnect()
    }
  }
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort()
  const url = `redis://127.0.0.1:${port}`
  let child: ChildProcess | null = null

  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    await waitUntilAnswering(url)
  }
  const stop = async () => {
    const running = child
    child = null
    if (!running || running.exitCode !== null) return
    running.kill('SIGCONT')
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve())
      running.kill('SIGTERM')
    })
  }
  await start()
  return {
    url,
    port,
    start,
    stop,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
  }
}
