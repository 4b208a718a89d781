import { execFileSync } from 'node:child_process'
import path from 'node:path'

import type { BenchFixtures } from './seedScale'
import type { Server } from './servers'
import type { Load, WrkResult } from './wrk'

import { approveToVisible, logIn, publishToHome } from './freshness'
import { get, startApp, startFront } from './servers'
import { median, nextRunTag, wrkInBackground } from './wrk'

/**
 * `npm run bench -- --instances N` (issue #7): the same figures with 1 and with N app instances in
 * shared mode (PostgreSQL + Redis), and what sharing costs. The instances may use both cores here
 * (the single-instance bench pins the app to core 0): scaling out on this machine means using the
 * second core. wrk stays on core 1, so it competes with them. The physical limit is 2×.
 *
 * The load is split evenly, one wrk per instance at once, straight at the instances: nginx would
 * add its own CPU, and it rate-limits comment POSTs per address.
 */

export type Check = { text: string; pass: boolean }
export type Report = (figure: string, value: string, checks?: Check[], data?: unknown) => void

type Options = {
  instances: number
  /** Instances listen on port, port+1, …; the front on frontPort. */
  port: number
  frontPort: number
  env: NodeJS.ProcessEnv
  work: string
  dataDir: string
  fixtures: BenchFixtures
  seconds: number
  /** Next's draft-mode cookie header: each request rendered, no cache read or written (bench/run.ts). */
  bypass: string
  report: Report
}

type Split = { rps: number; accepted_per_s: number; p50_ms: number; p99_ms: number; runs: WrkResult[][] }

const FRESHNESS_TRIES = 20
const TOTAL_CONNECTIONS = 10

const messages = {
  failed: (what: string, count: number) => `${what}: ${count} requests failed or were not 2xx/3xx`,
  idle: (what: string) => `${what}: a run completed no request at all`,
}

const number = (v: number) => Math.round(v).toLocaleString('en')
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`
const atLeast = (value: number, min: number, label: string): Check => ({ text: `${label} ≥ ${min}`, pass: value >= min })
const atMost = (value: number, max: number, label: string): Check => ({ text: `${label} ≤ ${max}`, pass: value <= max })

/** One wrk per server at once, `total` connections split between them; after a warm-up, the median of 3 such runs. */
async function splitLoad(servers: Server[], load: (server: Server, connections: number) => Load, seconds: number, what: string, total = TOTAL_CONNECTIONS): Promise<Split> {
  const connections = Math.max(1, Math.round(total / servers.length))
  const once = (duration: number) => Promise.all(servers.map((server) => wrkInBackground(load(server, connections), duration)))
  await once(3)
  const runs: WrkResult[][] = []
  for (let run = 0; run < 3; run += 1) runs.push(await once(seconds))
  const failed = runs.flat().reduce((n, r) => n + Object.values(r.errors).reduce((a, b) => a + b, 0), 0)
  if (failed > 0) throw new Error(messages.failed(what, failed))
  if (runs.flat().some((r) => r.requests === 0)) throw new Error(messages.idle(what))
  const sum = (results: WrkResult[], value: (r: WrkResult) => number) => results.reduce((total, r) => total + value(r), 0)
  return {
    rps: median(runs.map((results) => sum(results, (r) => r.rps))),
    accepted_per_s: median(runs.map((results) => sum(results, (r) => (r.extra.accepted ?? 0) / (r.duration_us / 1e6)))),
    p50_ms: median(runs.map((results) => median(results.map((r) => r.p50_ms)))),
    p99_ms: median(runs.map((results) => Math.max(...results.map((r) => r.p99_ms)))),
    runs,
  }
}

/** The resident memory of the server process in a group (the largest: npm and taskset are small). */
function residentMb(server: Server): number {
  if (!server.pid) return NaN
  const output = execFileSync('ps', ['-o', 'rss=', '-g', String(server.pid)], { encoding: 'utf8' })
  const sizes = output.split('\n').map((line) => Number(line.trim())).filter((kb) => kb > 0)
  return Math.max(0, ...sizes) / 1024
}

async function ok(url: string, init: RequestInit = {}) {
  const response = await get(url, { redirect: 'manual', ...init })
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200`)
  return response
}

export async function scaleOut(options: Options) {
  const { fixtures, seconds, report, bypass } = options
  const [bypassName, bypassValue] = bypass.split(': ')
  const store = path.join(options.work, 'pages-cluster')
  const figures = new Map<number, { renders: Split; comments: Split; cached: Split }>()

  for (const count of [1, options.instances]) {
    const apps: Server[] = []
    let front: Server | undefined
    try {
      for (let index = 0; index < count; index += 1) {
        apps.push(
          await startApp({
            port: options.port + index,
            cores: '0,1',
            log: path.join(options.work, `cluster-${count}-app${index + 1}.log`),
            env: {
              ...options.env,
              BYLINE_INSTANCE: `bench-${count}-${index + 1}`,
              // Every instance shares the page store; one of them writes it (deploy/README.md).
              BYLINE_PAGE_STORE: store,
            },
          }),
        )
      }
      front = await startFront({
        port: options.frontPort,
        upstream: apps.map((app) => new URL(app.url).host),
        prefix: path.join(options.work, `front-${count}`),
        store,
        log: path.join(options.work, `front-${count}.log`),
        cores: '0,1',
      })
      const label = `${count} instance${count === 1 ? '' : 's'}`
      for (const app of apps) await ok(`${app.url}${fixtures.heavy.path}`, { headers: { [bypassName ?? 'Cookie']: bypassValue ?? '' } })

      const renders = await splitLoad(apps, (app, connections) => ({ url: `${app.url}${fixtures.heavy.path}`, connections, headers: [bypass] }), seconds, 'uncached renders')
      report(`uncached article, 200 comments, ${TOTAL_CONNECTIONS} conn, ${label}`, `${number(renders.rps)} req/s · p50 ${ms(renders.p50_ms)} · p99 ${ms(renders.p99_ms)}`, [], renders)

      const comments = await splitLoad(
        apps,
        (app, connections) => ({ url: `${app.url}/api/comments`, connections, script: 'comment', args: [nextRunTag(), fixtures.commentable.join(',')] }),
        seconds,
        'comment POSTs',
      )
      report(`comment POST, ${TOTAL_CONNECTIONS} conn, ${label}`, `${number(comments.accepted_per_s)} accepted/s · p50 ${ms(comments.p50_ms)} · p99 ${ms(comments.p99_ms)}`, [], comments)

      // The cached article as readers get it: through the front, from the store when it is there.
      const frontArticle = `${front.url}${fixtures.reference.path}`
      for (let tries = 0; tries < 50 && (await ok(frontArticle)).headers.get('x-cache-status') !== 'STORE'; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const cached = await splitLoad([front], (_front, connections) => ({ url: frontArticle, connections }), seconds, 'cached article through the front', 50)
      report(`cached article through the front, 50 conn, ${label}`, `${number(cached.rps)} req/s · p50 ${ms(cached.p50_ms)} · p99 ${ms(cached.p99_ms)}`, [], cached)

      apps.forEach((app, index) => report(`memory, instance ${index + 1} of ${count} (RSS after the load)`, `${residentMb(app).toFixed(0)} MB`))
      figures.set(count, { renders, comments, cached })

      if (count > 1) {
        const [first, second] = apps
        if (!first || !second) throw new Error('scaleOut: two instances expected')
        const moderator = await logIn({ url: first.url, dataDir: options.dataDir, role: 'moderator' })
        const editor = await logIn({ url: first.url, dataDir: options.dataDir, role: 'editor' })
        const category = fixtures.category.path.slice(1)
        for (const [where, reader] of [['on instance 2', second], ['through the front', front]] as const) {
          const approve = await approveToVisible({ moderator, readerUrl: reader.url, article: fixtures.reference, tries: FRESHNESS_TRIES, tag: Number(nextRunTag()).toString(16) })
          report(`approve on instance 1 → visible ${where}`, `p50 ${ms(approve.p50_ms)} · p95 ${ms(approve.p95_ms)}`, [atMost(Math.round(approve.p95_ms), 1000, 'p95 ms')], approve)
          const publish = await publishToHome({ editor, readerUrl: reader.url, category, tries: FRESHNESS_TRIES, tag: Number(nextRunTag()).toString(16) })
          report(`publish on instance 1 → home page ${where}`, `p50 ${ms(publish.p50_ms)} · p95 ${ms(publish.p95_ms)}`, [atMost(Math.round(publish.p95_ms), 1000, 'p95 ms')], publish)
        }
      }
    } finally {
      await front?.stop()
      for (const app of apps) await app.stop()
    }
  }

  const one = figures.get(1)
  const many = figures.get(options.instances)
  if (one && many && options.instances > 1) {
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100
    const n = options.instances
    report(`uncached renders, ${n} instances ÷ 1`, `${ratio(many.renders.rps, one.renders.rps).toFixed(2)}×`, [atLeast(ratio(many.renders.rps, one.renders.rps), 1.7, '×')])
    report(`comment POSTs, ${n} instances ÷ 1`, `${ratio(many.comments.accepted_per_s, one.comments.accepted_per_s).toFixed(2)}×`)
    report(`cached article through the front, ${n} instances ÷ 1`, `${ratio(many.cached.rps, one.cached.rps).toFixed(2)}×`, [atLeast(ratio(many.cached.rps, one.cached.rps), 0.9, '× (no worse than 1, within noise)')])
  }
}
