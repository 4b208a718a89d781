/**
 * `npm run bench`: builds and starts the production server on a throwaway embedded database
 * with the demo newsroom, pins it to core 0 and wrk to core 1, and measures the reader pages.
 * Each figure is the median of 3 runs after a warm-up; a run with any failed request fails the
 * bench. Prints a table and writes JSON to bench/results/.
 *
 * Covered so far (issue #6): article page (10 and 50 connections, with and without gzip),
 * home, category and search pages. Not yet: nginx comparison, comment POST, freshness,
 * Lighthouse, scale seeding, the deploy/ front cache.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

type WrkResult = {
  requests: number
  rps: number
  p50_ms: number
  p99_ms: number
  errors: Record<'connect' | 'read' | 'write' | 'timeout' | 'status', number>
}
type Figure = { name: string; path: string; connections: number; gzip: boolean; target?: { rps?: number; p99?: number } }

const root = path.resolve(import.meta.dirname, '..')
const port = Number(process.env.BENCH_PORT ?? 3300)
const base = `http://127.0.0.1:${port}`
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const article = '/entertainment/everything-we-know-about-heartstopper-season-2'

const figures: Figure[] = [
  { name: 'article page', path: article, connections: 10, gzip: false },
  { name: 'article page', path: article, connections: 50, gzip: false, target: { rps: 2500, p99: 50 } },
  { name: 'article page', path: article, connections: 50, gzip: true, target: { rps: 2500, p99: 50 } },
  { name: 'article page, 1 connection', path: article, connections: 1, gzip: false, target: { p99: 20 } },
  { name: 'home page', path: '/', connections: 10, gzip: false, target: { rps: 500 } },
  { name: 'category listing', path: '/entertainment', connections: 10, gzip: false },
  { name: 'search', path: '/search?q=season', connections: 10, gzip: false },
]

function ensureWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary is a problem.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return
    console.log('Installing wrk from Debian…')
    execFileSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  }
}

function wrk(figure: Figure, duration: number): WrkResult {
  // A 10 s timeout: a slow page should show in p99, not vanish as timeouts.
  const args = ['-c', '1', 'wrk', '-t1', `-c${figure.connections}`, `-d${duration}s`, '--timeout', '10s', '-s', path.join(root, 'bench/report.lua')]
  if (figure.gzip) args.push('-H', 'Accept-Encoding: gzip')
  args.push(`${base}${figure.path}`)
  const output = execFileSync('taskset', args, { encoding: 'utf8' })
  const line = output.split('\n').find((l) => l.startsWith('{'))
  if (!line) throw new Error(`wrk printed no result for ${figure.path}:\n${output}`)
  return JSON.parse(line) as WrkResult
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs / 1000}s`)
}

async function main() {
  ensureWrk()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-bench-'))
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, 'bench.db')}`,
    NEXT_PUBLIC_SERVER_URL: base,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production' as const,
  }
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: root, env, stdio: 'inherit' })
  console.log(`== seeding the demo newsroom into ${dataDir}`)
  run('npx', ['tsx', 'src/db/prepare.ts'])
  if (process.env.BENCH_SKIP_BUILD !== 'true') run('npx', ['next', 'build'])

  // Every process of the server on core 0; wrk on core 1.
  const server = spawn('taskset', ['-c', '0', 'npx', 'next', 'start', '-p', String(port)], { cwd: root, env, stdio: 'ignore', detached: true })
  const exited = new Promise((resolve) => server.once('exit', resolve))
  const stop = async () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
    await exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitForServer(`${base}/`, 120_000)
    const rows: Record<string, unknown>[] = []
    for (const figure of figures) {
      wrk(figure, 3) // warm-up
      const runs = [wrk(figure, seconds), wrk(figure, seconds), wrk(figure, seconds)]
      const failed = runs.reduce((n, r) => n + Object.values(r.errors).reduce((a, b) => a + b, 0), 0)
      if (failed > 0) throw new Error(`${figure.name} (${figure.path}): ${failed} requests failed or were not 2xx/3xx`)
      if (runs.some((r) => r.requests === 0)) throw new Error(`${figure.name} (${figure.path}): a run completed no request at all`)
      const rps = median(runs.map((r) => r.rps))
      const p50 = median(runs.map((r) => r.p50_ms))
      const p99 = median(runs.map((r) => r.p99_ms))
      const pass =
        figure.target === undefined
          ? '-'
          : (figure.target.rps === undefined || rps >= figure.target.rps) && (figure.target.p99 === undefined || p99 <= figure.target.p99)
            ? 'pass'
            : 'FAIL'
      rows.push({ figure: figure.name, path: figure.path, connections: figure.connections, gzip: figure.gzip, rps: Math.round(rps), p50_ms: +p50.toFixed(2), p99_ms: +p99.toFixed(2), target: figure.target ?? null, result: pass })
    }
    console.table(rows.map(({ target: _target, ...row }) => row))
    const resultsDir = path.join(root, 'bench/results')
    fs.mkdirSync(resultsDir, { recursive: true })
    const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
    fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), seconds, node: process.version, rows }, null, 2))
    console.log(`Results written to ${path.relative(root, file)}`)
  } finally {
    await stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
