import type { ChildProcess } from 'node:child_process'

import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

/**
 * deploy/run.sh with several --upstream (issue #7), against stand-in upstreams: plain Node servers
 * that say who they are, or answer 503 like an instance that lost its database. What is tested is
 * nginx's balancing and failover, which needs no app.
 */

const root = path.resolve(import.meta.dirname, '../..')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Upstream = { address: string; close: () => Promise<void>; hits: () => number; posts: () => number }

/** A stand-in instance answering every request with its name: with `status`, or with `postStatus` for a POST. */
async function upstream(name: string, status = 200, postStatus = status): Promise<Upstream> {
  let hits = 0
  let posts = 0
  const server = http.createServer((request, response) => {
    hits += 1
    if (request.method === 'POST') posts += 1
    response.writeHead(request.method === 'POST' ? postStatus : status, { 'content-type': 'text/plain', 'x-upstream': name })
    response.end(`${name}\n`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    posts: () => posts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A port nothing listens on: a server that was there and is gone. */
async function deadAddress(): Promise<string> {
  const gone = await upstream('gone')
  await gone.close()
  return gone.address
}

async function startFront(upstreams: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(process.env.E2E_MULTI_DIR ?? '/tmp', 'front-'))
  fs.chmodSync(dir, 0o755)
  // A free port: one a server just let go of.
  const port = (await deadAddress()).split(':')[1]
  const log = fs.openSync(path.join(dir, 'nginx.log'), 'a')
  const args = ['deploy/run.sh', '--listen', `127.0.0.1:${port}`, ...upstreams.flatMap((u) => ['--upstream', u]), '--prefix', path.join(dir, 'nginx'), '--static', dir, '--workers', '1', '--access-log', 'off']
  const child: ChildProcess = spawn('bash', args, { cwd: root, stdio: ['ignore', log, log], detached: true })
  fs.closeSync(log)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const url = `http://127.0.0.1:${port}`
  for (let tries = 0; tries < 100; tries += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${fs.readFileSync(path.join(dir, 'nginx.log'), 'utf8')}`)
    const up = await fetch(`${url}/api/ping`).then(
      () => true,
      () => false,
    )
    if (up) break
    await sleep(100)
  }
  return {
    url,
    stop: async () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
      await exited
    },
  }
}

/** /api/ is never cached by the front: every request goes to an upstream. */
async function ask(url: string, times: number) {
  const answers: { status: number; from: string | null }[] = []
  for (let i = 0; i < times; i += 1) {
    const response = await fetch(`${url}/api/ping?n=${i}`)
    answers.push({ status: response.status, from: response.headers.get('x-upstream') })
    await response.arrayBuffer()
  }
  return answers
}

test('the front balances readers over every instance given with --upstream', async () => {
  const [a, b] = [await upstream('A'), await upstream('B')]
  const front = await startFront([a.address, b.address])
  try {
    const answers = await ask(front.url, 20)
    expect(answers.every((answer) => answer.status === 200)).toBe(true)
    expect(a.hits()).toBeGreaterThan(0)
    expect(b.hits()).toBeGreaterThan(0)
  } finally {
    await front.stop()
    await Promise.all([a.close(), b.close()])
  }
})

test('with one instance gone or answering 503, every reader gets the other, with no error', async () => {
  const b = await upstream('B')
  const sick = await upstream('sick', 503)
  const front = await startFront([b.address, await deadAddress(), sick.address])
  try {
    const answers = await ask(front.url, 30)
    expect(answers.filter((answer) => answer.status !== 200), 'answers other than 200').toEqual([])
    expect(new Set(answers.map((answer) => answer.from))).toEqual(new Set(['B']))
  } finally {
    await front.stop()
    await Promise.all([b.close(), sick.close()])
  }
})

test('a comment POST that reached an instance is never sent to a second one', async () => {
  // Reads well (so the readiness probe does not mark it down), refuses every POST with 503.
  const sick = await upstream('sick', 200, 503)
  const b = await upstream('B')
  const front = await startFront([sick.address, b.address])
  try {
    const statuses: number[] = []
    for (let i = 0; i < 6; i += 1) {
      const response = await fetch(`${front.url}/api/forms-${i}`, { method: 'POST', body: 'x' })
      await response.arrayBuffer()
      statuses.push(response.status)
    }
    expect(sick.posts(), 'POSTs that reached the failing instance').toBeGreaterThan(0)
    // Each POST was received once in all: the ones refused with 503 were not replayed on B.
    expect(sick.posts() + b.posts()).toBe(6)
    expect(statuses.filter((status) => status === 503)).toHaveLength(sick.posts())
  } finally {
    await front.stop()
    await Promise.all([b.close(), sick.close()])
  }
})

test('with every instance down, readers get a 503 that says when to come back, not a 502', async () => {
  const front = await startFront([await deadAddress(), await deadAddress()])
  try {
    for (let i = 0; i < 4; i += 1) {
      const response = await fetch(`${front.url}/api/ping?n=${i}`)
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('30')
      expect(await response.text()).toContain('unavailable for a moment')
    }
  } finally {
    await front.stop()
  }
})
