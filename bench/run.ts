/**
 * `npm run bench` (issue #6): seeds a newsroom into a throwaway database, builds, starts the
 * production server pinned to core 0 (wrk and Lighthouse get core 1), and measures what readers
 * and moderators feel, beside Debian's nginx serving the same bytes. Every wrk figure is the
 * median of 3 runs after a warm-up, and a run with any failed request fails the figure. Prints one
 * table, each figure against its target from the issue, and writes JSON to bench/results/.
 *
 *   npm run bench -- [--db sqlite|postgres] [--scale default|large] [--only a,b] [--skip a,b]
 *   npm run bench -- --instances N     (shared mode: PostgreSQL + Redis, bench/instances.ts)
 *
 * Sections, in order: pages, nginx, front, uncached, lighthouse, comments, hostile, freshness, scale
 * (scale only with --scale large), import (the WordPress import of a generated export, bench/import.ts;
 * `--only import` runs it alone, without seeding or building the site), search (the reader search
 * at 100k articles in a database of its own, bench/search.ts; `--only search` likewise). With --instances N (2 or
 * more) only the section `instances`: 1 and N instances side by side (REDIS_URL, default the local
 * Redis). bench/RESULTS.md documents the rest, with every run's figures.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { BenchFixtures } from './seedScale'
import type { Server } from './servers'
import type { Load, Measured } from './wrk'

import { approveToVisible, logIn, publishToHome } from './freshness'
import { benchImport, IMPORT_SCALE } from './import'
import { benchSearch, SEARCH_SCALE } from './search'
import { scaleOut } from './instances'
import { CATEGORIES, CONTROL_PAGE, lighthouse } from './lighthouse'
import { get, startApp, startFront, startStaticNginx } from './servers'
import { ensureDebianPackage, measure, median, nextRunTag, wrkInBackground } from './wrk'

import { VIEW_BEACON } from '@/pageViews/beaconPath'

type Result = 'PASS' | 'FAIL' | '-' | 'ERROR' | 'INVALID'
type Row = { figure: string; value: string; target: string; result: Result; data?: unknown }
type Check = { text: string; pass: boolean }

const SECTIONS = ['pages', 'nginx', 'front', 'uncached', 'lighthouse', 'comments', 'hostile', 'freshness', 'scale', 'instances', 'import', 'search'] as const
type Section = (typeof SECTIONS)[number]
const SCALES = { default: { articles: 1_000, comments: 50_000 }, large: { articles: 100_000, comments: 1_000_000 } } as const
const FRESHNESS_TRIES = 20
/**
 * How the uncached figures miss every cache: Next's draft-mode cookie, whose value only this
 * build knows (.next/prerender-manifest.json). Next renders such a request per request and never
 * answers it from, or writes it to, its page cache; it is what a staff preview does.
 */
const UNCACHED = "Next's draft-mode cookie (__prerender_bypass): rendered per request, cache neither read nor written"

const bypassCookie = () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'prerender-manifest.json'), 'utf8')) as { preview: { previewModeId: string } }
  return `Cookie: __prerender_bypass=${manifest.preview.previewModeId}`
}

const root = path.resolve(import.meta.dirname, '..')
const port = Number(process.env.BENCH_PORT ?? 3300)
const seconds = Number(process.env.BENCH_SECONDS ?? 10)

const messages = {
  usage: `Usage: npm run bench -- [--db sqlite|postgres] [--scale default|large] [--instances N] [--only ${SECTIONS.join(',')}] [--skip …]`,
  instancesNeedPostgres: 'Several instances share one server database: --instances needs --db postgres (the default with --instances).',
  staleBuild:
    'BENCH_SKIP_BUILD=true with a new database: pages the existing build cached for another database may be served (and their cache tags never expire). Set BENCH_DATA_DIR to the directory of the bench run that built it.',
  noHit: (status: string | null) => `the front did not answer a repeated request from the app's page store (X-Cache-Status: ${status}, not STORE)`,
}

function parseFlags() {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, scale: { type: 'string', default: 'default' }, only: { type: 'string' }, skip: { type: 'string' }, instances: { type: 'string', default: '1' } },
  })
  const list = (value: string | undefined) => (value ? value.split(',').map((s) => s.trim()) : [])
  const unknown = [...list(values.only), ...list(values.skip)].filter((s) => !SECTIONS.includes(s as Section))
  const instances = Number(values.instances)
  const db = values.db ?? (instances > 1 ? 'postgres' : 'sqlite')
  if ((db !== 'sqlite' && db !== 'postgres') || (values.scale !== 'default' && values.scale !== 'large') || unknown.length > 0 || !Number.isInteger(instances) || instances < 1 || instances > 8) {
    throw new Error(messages.usage)
  }
  if (instances > 1 && db !== 'postgres') throw new Error(messages.instancesNeedPostgres)
  // With several instances the run is the scale-out comparison alone (unless --only says otherwise).
  const only = list(values.only).length > 0 ? list(values.only) : instances > 1 ? ['instances'] : []
  const skip = list(values.skip)
  const wanted = (s: Section) => (s === 'scale' ? values.scale === 'large' : s === 'instances' ? instances > 1 : true)
  const sections = new Set(SECTIONS.filter((s) => (only.length === 0 || only.includes(s)) && !skip.includes(s) && wanted(s)))
  return { db, scale: values.scale, sections, instances }
}

// --- figures and targets -------------------------------------------------------------------

const number = (v: number) => Math.round(v).toLocaleString('en')
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`
const atLeast = (value: number, min: number, label: string): Check => ({ text: `${label} ≥ ${min.toLocaleString('en')}`, pass: value >= min })
const atMost = (value: number, max: number, label: string): Check => ({ text: `${label} ≤ ${max.toLocaleString('en')}`, pass: value <= max })

function row(figure: string, value: string, checks: Check[] = [], data?: unknown): Row {
  const result: Result = checks.length === 0 ? '-' : checks.every((c) => c.pass) ? 'PASS' : 'FAIL'
  return { figure, value, target: checks.map((c) => c.text).join(', ') || '-', result, data }
}

const wrkValue = (m: Measured) => `${number(m.rps)} req/s · p50 ${ms(m.p50_ms)} · p99 ${ms(m.p99_ms)}`
const withoutRuns = ({ runs: _runs, ...m }: Measured) => m

async function expectOk(url: string, init: RequestInit = {}) {
  const response = await get(url, { redirect: 'manual', ...init })
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200`)
  return response
}

/**
 * Whether the bypass really misses Next's cache. Next answers a draft-mode request by rendering
 * it and marks it `Cache-Control: private, no-cache, no-store` (never written to its cache);
 * its X-Nextjs-Cache header says HIT even then (next/dist/build/templates/app-page-runtime.js
 * sets it from the render's own result), so that header proves nothing here.
 */
async function bustsNextCache(url: string): Promise<boolean> {
  const [name, value] = bypassCookie().split(': ')
  for (let probe = 0; probe < 2; probe += 1) {
    const response = await expectOk(url, { headers: { [name ?? 'Cookie']: value ?? '' } })
    const cacheControl = response.headers.get('cache-control') ?? ''
    if (!/\bprivate\b/.test(cacheControl) || !/\bno-store\b/.test(cacheControl)) return false
  }
  return true
}

// --- databases -----------------------------------------------------------------------------

type Database = { url: string; secret?: string; drop: () => Promise<void> }

async function postgresDatabase(suffix = ''): Promise<Database> {
  const { default: pg } = await import('pg')
  const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const name = `byline_bench_${process.pid}${suffix}`
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await admin(`create database ${name}`)
  const url = new URL(server)
  url.pathname = `/${name}`
  return { url: url.toString(), secret: randomBytes(32).toString('hex'), drop: () => admin(`drop database if exists ${name} with (force)`) }
}

// --- the run -------------------------------------------------------------------------------

async function main() {
  const flags = parseFlags()
  // This process (its pollers, Lighthouse, wrk) on core 1; the servers pin themselves to core 0.
  execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' })
  ensureDebianPackage({ command: 'wrk', probe: ['--version'], pkg: 'wrk' })
  ensureDebianPackage({ command: 'nginx', probe: ['-v'], pkg: 'nginx' })
  // Lighthouse drives Debian's Chromium, installed as for the end-to-end tests; before the build, so a missing browser stops the run at once.
  if (flags.sections.has('lighthouse')) execFileSync('bash', [path.join(root, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' })

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-bench-'))
  fs.chmodSync(work, 0o755)
  const dataDir = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : path.join(work, 'data')
  fs.mkdirSync(dataDir, { recursive: true })
  const database: Database =
    flags.db === 'postgres' ? await postgresDatabase() : { url: `file:${path.join(dataDir, 'bench.db')}`, drop: async () => undefined }
  const appUrl = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    ...(database.secret ? { PAYLOAD_SECRET: database.secret } : {}),
    NEXT_PUBLIC_SERVER_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    // As deploy/ recommends: the app writes its cached pages where the front serves them from.
    BYLINE_PAGE_STORE: path.join(work, 'pages'),
    // Shared mode, for the scale-out comparison only: the other figures are of the embedded default.
    ...(flags.instances > 1 ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', BYLINE_REDIS_PREFIX: `byline-bench-${process.pid}:` } : {}),
  }
  // Seeding and building may use both cores.
  const run = (command: string, args: string[]) => execFileSync('taskset', ['-c', '0,1', command, ...args], { cwd: root, env, stdio: 'inherit' })
  const seed = (scale: { articles: number; comments: number }) =>
    run('npx', ['tsx', 'bench/seedScale.ts', '--articles', String(scale.articles), '--comments', String(scale.comments)])

  const rows: Row[] = []
  const add = (r: Row) => {
    rows.push(r)
    console.log(`   ${r.result.padEnd(7)} ${r.figure}: ${r.value}${r.target === '-' ? '' : `  (target ${r.target})`}`)
  }
  const section = async (name: Section, task: () => Promise<void>) => {
    if (!flags.sections.has(name)) return
    console.log(`== ${name}`)
    try {
      await task()
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : ''
      add({ figure: name, value: `${error instanceof Error ? error.message : String(error)}${cause}`, target: '-', result: 'ERROR' })
    }
  }
  const figure = (name: string, load: Load, checks: (m: Measured) => Check[] = () => []) => {
    const m = measure(load, seconds)
    add(row(name, wrkValue(m), checks(m), { ...load, ...withoutRuns(m) }))
    return m
  }

  let app: Server | undefined
  let front: Server | undefined
  let failed = true
  try {
    await section('import', async () => {
      const figures = await benchImport({ root, dir: path.join(work, 'import'), log: (line) => console.log(line) })
      const { posts, comments } = IMPORT_SCALE
      add(row(`WordPress import: ${number(posts)} posts, ${number(comments)} comments (${figures.fileMb.toFixed(0)} MB WXR, fresh SQLite)`, `${figures.seconds.toFixed(1)} s`, [atMost(Math.round(figures.seconds), 180, 's')], figures))
      add(row('WordPress import: posts/s', figures.postsPerSecond.toFixed(1)))
      add(row('WordPress import: comments/s', figures.commentsPerSecond.toFixed(0)))
      add(row('WordPress import: peak memory (RSS) of the import process', `${figures.peakRssMb.toFixed(0)} MB`, [atMost(Math.round(figures.peakRssMb), 1024, 'MB')]))
      add(row('WordPress import: items failed', String(figures.failed), [atMost(figures.failed, 0, 'failed')]))
    })
    await section('search', async () => {
      const own: Database =
        flags.db === 'postgres' ? await postgresDatabase('_search') : { url: `file:${path.join(work, 'search', 'search.db')}`, drop: async () => undefined }
      fs.mkdirSync(path.join(work, 'search'), { recursive: true })
      try {
        const searchEnv = { ...env, DATA_DIR: path.join(work, 'search'), DATABASE_URL: own.url, ...(own.secret ? { PAYLOAD_SECRET: own.secret } : {}) }
        const timings = await benchSearch({ root, env: searchEnv, log: (line) => console.log(line) })
        for (const t of timings) {
          const found = `${t.found}${t.more ? '+' : ''} found`
          add(row(`search, ${number(SEARCH_SCALE.articles)} articles, ${t.engine}: "${t.query}" (${found})`, `p50 ${ms(t.p50_ms)} · p95 ${ms(t.p95_ms)}`, t.engine === 'like' ? [] : [atMost(Math.ceil(t.p95_ms), 100, 'p95 ms')], t))
        }
      } finally {
        await own.drop()
      }
    })
    // Everything else measures the reader site, seeded and built; `--only import` and `--only search` need neither.
    if ([...flags.sections].some((s) => s !== 'import' && s !== 'search')) {
      console.log(`== seeding (${flags.db}, ${SCALES.default.articles} articles, ${SCALES.default.comments} comments) into ${dataDir}`)
      run('npx', ['tsx', 'src/db/prepare.ts'])
      seed(SCALES.default)
      if (process.env.BENCH_SKIP_BUILD === 'true') {
        if (!process.env.BENCH_DATA_DIR) console.warn(`WARNING: ${messages.staleBuild}`)
      } else {
        run('npx', ['next', 'build'])
      }
      const fixtures = JSON.parse(fs.readFileSync(path.join(dataDir, 'bench-fixtures.json'), 'utf8')) as BenchFixtures

      // The scale-out comparison starts its own instances and fronts.
      if (flags.instances === 1) {
        app = await startApp({ port, env, log: path.join(work, 'app.log') })
        front = await startFront({ port: port + 1, upstream: `127.0.0.1:${port}`, prefix: path.join(work, 'front'), store: path.join(work, 'pages'), log: path.join(work, 'front.log') })
      }
      const running = (server: Server | undefined, name: string) => {
        if (!server) throw new Error(`the ${name} is not running`)
        return server
      }
      const at = (server: Server, page: string) => `${server.url}${page}`
      const appAt = (page: string) => at(running(app, 'app'), page)
      const frontAt = (page: string) => at(running(front, 'front cache'), page)
      const article = fixtures.reference.path

      let appArticle50: Measured | undefined
      let nginxStatic: Measured | undefined
      await section('pages', async () => {
        await expectOk(appAt(article))
        // The app's figures are of the production server's response cache (src/productionServer): say so if it did not answer.
        const served = (await expectOk(appAt(article))).headers.get('x-byline-cache')
        if (served !== 'HIT') console.warn(`   warning: the app's response cache did not answer a repeated request (X-Byline-Cache: ${served})`)
        for (const connections of [10, 50]) {
          for (const gzip of [false, true]) {
            const m = figure(`cached article, app alone, ${connections} conn${gzip ? ', gzip' : ''}`, { url: appAt(article), connections, gzip }, (m) =>
              connections === 50 ? [atLeast(m.rps, 2500, 'req/s'), atMost(m.p99_ms, 50, 'p99 ms')] : [],
            )
            if (connections === 50 && !gzip) appArticle50 = m
          }
        }
        for (const [name, page] of [['home page', '/'], ['category listing', fixtures.category.path]] as const) {
          await expectOk(appAt(page))
          figure(`${name}, app alone, 10 conn`, { url: appAt(page), connections: 10 })
        }
      })

      await section('nginx', async () => {
        const body = Buffer.from(await (await expectOk(appAt(article))).arrayBuffer())
        const server = await startStaticNginx({ port: port + 2, dir: path.join(work, 'static'), pagePath: article, body })
        try {
          nginxStatic = figure(`nginx, same ${Math.round(body.length / 1024)} KB as a static file, 50 conn`, { url: at(server, article), connections: 50 })
        } finally {
          await server.stop()
        }
        if (appArticle50) add(row('cached article, app alone ÷ nginx (50 conn)', `${((appArticle50.rps / nginxStatic.rps) * 100).toFixed(1)} %`))
      })

      await section('front', async () => {
        const url = frontAt(article)
        await expectOk(url)
        // The app writes the page into the store as it answers; a moment later nginx serves the file.
        let status: string | null = null
        for (let tries = 0; tries < 50 && status !== 'STORE'; tries += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100))
          status = (await expectOk(url)).headers.get('x-cache-status')
        }
        if (status !== 'STORE') throw new Error(messages.noHit(status))
        for (const gzip of [false, true]) {
          figure(`cached article, deploy/ front cache, 50 conn${gzip ? ', gzip' : ''}`, { url, connections: 50, gzip }, (m) => [
            ...(nginxStatic && !gzip ? [atLeast(Math.round((m.rps / nginxStatic.rps) * 100), 50, '% of nginx')] : []),
            atMost(m.p99_ms, 5, 'p99 ms'),
          ])
        }
      })

      /** The uncached figures, at 1k articles; the scale section measures them again at 100k. */
      const uncached: { name: string; page: string; connections: number; checks: (m: Measured) => Check[]; floor?: true }[] = [
        { name: `uncached article, 200 comments, 1 conn`, page: fixtures.heavy.path, connections: 1, checks: (m) => [atMost(m.p50_ms, 20, 'p50 ms')] },
        { name: `uncached article, 200 comments, 10 conn`, page: fixtures.heavy.path, connections: 10, checks: (m) => [atLeast(m.rps, 100, 'req/s')] },
        { name: 'uncached home page, 10 conn', page: '/', connections: 10, checks: (m) => [atLeast(m.rps, 500, 'req/s')] },
        { name: 'uncached category listing, 10 conn', page: fixtures.category.path, connections: 10, checks: () => [] },
        { name: 'search, 10 conn', page: '/search?q=season', connections: 10, checks: () => [] },
        // Next's own cost of rendering a page per request: the empty search page reads no data, so
        // no uncached page can be faster than this. The ceiling the targets above are read against.
        { name: "Next's floor: search page with no query (reads nothing), 10 conn", page: '/search', connections: 10, checks: () => [], floor: true },
      ]
      /** Each figure on its own: one that fails (a page too slow to finish a request) does not stop the rest. */
      const measureUncached = async (label: string) => {
        const results: ({ m: Measured; misses: boolean } | undefined)[] = []
        for (const u of uncached) {
          const name = `${u.name}${label}`
          try {
            const url = appAt(u.page)
            const misses = await bustsNextCache(url)
            const m = measure({ url, connections: u.connections, headers: [bypassCookie()] }, seconds)
            const r = row(name, wrkValue(m), u.checks(m), { url, uncached: UNCACHED, ...withoutRuns(m) })
            add(misses ? r : { ...r, result: 'INVALID', value: `${r.value} (Next answered from its cache: not an uncached figure)` })
            results.push({ m, misses })
          } catch (error) {
            add({ figure: name, value: error instanceof Error ? error.message : String(error), target: '-', result: 'ERROR' })
            results.push(undefined)
          }
        }
        return results
      }
      let uncachedAt1k: Awaited<ReturnType<typeof measureUncached>> | undefined
      await section('uncached', async () => {
        console.log(`   uncached = ${UNCACHED}`)
        uncachedAt1k = await measureUncached('')
      })

      await section('lighthouse', async () => {
        const describe = (lh: ReturnType<typeof lighthouse>) =>
          `${CATEGORIES.map((c) => `${c} ${lh[c]}`).join(' · ')} · LCP ${Math.round(lh.lcp_ms)} ms · TBT ${Math.round(lh.tbt_ms)} ms · CLS ${lh.cls.toFixed(3)} · JS ${(lh.js_transfer_bytes / 1024).toFixed(1)} KB · host index ${Math.round(lh.benchmark_index)}`
        const url = frontAt(article)
        for (const formFactor of ['mobile', 'desktop'] as const) {
          const lh = lighthouse({ url, formFactor, dir: work })
          const kb = lh.js_transfer_bytes / 1024
          const checks =
            formFactor === 'mobile'
              ? [...CATEGORIES.map((c) => atLeast(lh[c], 100, c)), atMost(lh.cls, 0, 'CLS'), atMost(Math.round(kb * 10) / 10, 60, 'JS KB')]
              : []
          add(row(`Lighthouse ${formFactor}, article page (through the front)`, describe(lh), checks, lh))
        }
        // The same audit of a page that costs nothing: a score the article misses that this misses too is the host's.
        const control = await startStaticNginx({ port: port + 2, dir: path.join(work, 'control'), pagePath: '/control.html', body: Buffer.from(CONTROL_PAGE) })
        try {
          const lh = lighthouse({ url: `${control.url}/control.html`, formFactor: 'mobile', dir: path.join(work, 'control') })
          add(row('Lighthouse mobile, control page (nginx, no script, style or image)', describe(lh), [], lh))
        } finally {
          await control.stop()
        }
      })

      await section('comments', async () => {
        const load: Load = { url: appAt('/api/comments'), connections: 10, script: 'comment', args: [fixtures.commentable.join(',')] }
        const m = measure(load, seconds)
        const accepted = median(m.runs.map((r) => (r.extra.accepted ?? 0) / (r.duration_us / 1e6)))
        add(
          row('comment POST, every spam check on, 10 conn', `${number(accepted)} accepted/s · p50 ${ms(m.p50_ms)} · p99 ${ms(m.p99_ms)}`, [atLeast(Math.round(accepted), 500, 'accepted/s'), atMost(m.p99_ms, 50, 'p99 ms')], {
            accepted_per_s: accepted,
            ...withoutRuns(m),
            statuses: m.runs.map((r) => r.extra.statuses),
          }),
        )
        const floor = measure({ url: appAt(VIEW_BEACON.path), connections: 10, script: 'post' }, seconds)
        add(
          row(
            "Next's floor for a POST: the view beacon answering a request it ignores (reads and writes nothing), 10 conn",
            `${number(floor.rps)} req/s · p50 ${ms(floor.p50_ms)} · p99 ${ms(floor.p99_ms)}`,
            [],
            withoutRuns(floor),
          ),
        )
      })

      // Issue 22: one anonymous GraphQL request blocked the event loop for 16–20 s and a spoofed
      // comment flood was accepted whole; a cached article's p99 went from 23 ms to 13.3 s. Both run
      // here, from this machine, straight at the app, while a reader's figure is measured.
      await section('hostile', async () => {
        const attackSeconds = 3 + 3 * seconds + 5
        const attacks = Promise.allSettled([
          wrkInBackground({ url: appAt('/api/graphql'), connections: 2, script: 'graphql' }, attackSeconds),
          wrkInBackground({ url: appAt('/api/comments'), connections: 10, script: 'flood', args: [fixtures.commentable[0] ?? 'none'] }, attackSeconds),
        ])
        try {
          await expectOk(appAt(article))
          figure('cached article, app alone, 10 conn, under a hostile GraphQL query (2 conn) and a comment flood (10 conn)', { url: appAt(article), connections: 10 }, (m) => [
            atMost(m.p99_ms, 50, 'p99 ms'),
          ])
        } finally {
          // Reported whether the reader's figure succeeded or not: how much of the attack the server took.
          const names = ['… meanwhile the hostile GraphQL query (2 conn)', '… meanwhile the comment flood (10 conn)']
          for (const [index, outcome] of (await attacks).entries()) {
            const value =
              outcome.status === 'fulfilled'
                ? // wrk counts only answered requests: a request still unanswered when the run ends is in none of these.
                  `${number(outcome.value.requests)} answered (${number(outcome.value.rps)}/s), ${number(outcome.value.errors.status)} of them neither 2xx nor 3xx, ${number(outcome.value.errors.timeout)} timed out (10 s), p99 ${ms(outcome.value.p99_ms)}`
                : `wrk failed: ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`
            add(row(names[index] ?? 'attack', value, [], outcome.status === 'fulfilled' ? outcome.value : undefined))
          }
        }
      })

      await section('freshness', async () => {
        const staffUrl = running(app, 'app').url
        const moderator = await logIn({ url: staffUrl, dataDir, role: 'moderator' })
        const editor = await logIn({ url: staffUrl, dataDir, role: 'editor' })
        const category = fixtures.category.path.slice(1)
        for (const [where, server] of [['app alone', running(app, 'app')], ['through the front', running(front, 'front cache')]] as const) {
          const approve = await approveToVisible({ moderator, readerUrl: server.url, article: fixtures.reference, tries: FRESHNESS_TRIES, tag: Number(nextRunTag()).toString(16) })
          add(row(`approve → comment visible, ${where}`, `p50 ${ms(approve.p50_ms)} · p95 ${ms(approve.p95_ms)}`, [atMost(Math.round(approve.p95_ms), 1000, 'p95 ms')], approve))
          const publish = await publishToHome({ editor, readerUrl: server.url, category, tries: FRESHNESS_TRIES, tag: Number(nextRunTag()).toString(16) })
          add(row(`publish → on the home page, ${where}`, `p50 ${ms(publish.p50_ms)} · p95 ${ms(publish.p95_ms)}`, [atMost(Math.round(publish.p95_ms), 1000, 'p95 ms')], publish))
        }
      })

      await section('scale', async () => {
        const before = uncachedAt1k ?? (await measureUncached(' (1k)'))
        await front?.stop()
        front = undefined
        await app?.stop()
        app = undefined
        console.log(`== seeding up to ${SCALES.large.articles} articles, ${SCALES.large.comments} comments`)
        seed(SCALES.large)
        app = await startApp({ port, env, log: path.join(work, 'app-large.log') })
        const after = await measureUncached(' (100k articles)')
        uncached.forEach((u, i) => {
          const [small, large] = [before[i], after[i]]
          if (!small || !large || u.floor) return
          const slower = small.m.rps / large.m.rps
          const r = row(`1k → 100k articles: ${u.name}`, `${slower.toFixed(2)}× slower`, [atMost(Math.round(slower * 100) / 100, 2, '×')])
          add(small.misses && large.misses ? r : { ...r, result: 'INVALID', value: `${r.value} (of cached pages)` })
        })
      })
      await section('instances', async () => {
        console.log(`   1 and ${flags.instances} instances on cores 0–1 (wrk on core 1), shared mode: ${env.REDIS_URL}`)
        await scaleOut({
          instances: flags.instances,
          port: port + 10,
          frontPort: port + 1,
          env,
          work,
          dataDir,
          fixtures,
          seconds,
          bypass: bypassCookie(),
          report: (name, value, checks, data) => add(row(name, value, checks, data)),
        })
      })
    }
    failed = rows.some((r) => r.result === 'ERROR')
  } finally {
    await front?.stop()
    await app?.stop()
    await database.drop()
    if (failed) console.error(`Kept ${work} (server logs) for a look.`)
    else fs.rmSync(work, { recursive: true, force: true })
  }

  printTable(rows)
  const resultsDir = path.join(root, 'bench/results')
  fs.mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  const machine = { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version }
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, db: flags.db, scale: flags.scale, seconds, uncached: UNCACHED, rows }, null, 2))
  console.log(`Results written to ${path.relative(root, file)}`)
  if (failed) process.exit(1)
}

function printTable(rows: Row[]) {
  const columns = ['figure', 'value', 'target', 'result'] as const
  const width = Object.fromEntries(columns.map((c) => [c, Math.max(c.length, ...rows.map((r) => r[c].length))])) as Record<(typeof columns)[number], number>
  const line = (cells: Record<(typeof columns)[number], string>) => columns.map((c) => cells[c].padEnd(width[c])).join(' | ')
  console.log(`\n${line({ figure: 'figure', value: 'value', target: 'target', result: 'result' })}`)
  console.log(columns.map((c) => '-'.repeat(width[c])).join('-|-'))
  for (const r of rows) console.log(line(r))
  console.log(`\nUncached figures: ${UNCACHED}. Server on core 0, wrk on core 1, ${seconds} s per run, median of 3.`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
