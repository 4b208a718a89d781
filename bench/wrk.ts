import { execFileSync, spawn } from 'node:child_process'
import path from 'node:path'

/** What bench/report.lua prints for one wrk run. */
export type WrkResult = {
  requests: number
  duration_us: number
  rps: number
  p50_ms: number
  p99_ms: number
  errors: Record<'connect' | 'read' | 'write' | 'timeout' | 'status', number>
  extra: { accepted?: number; statuses?: Record<string, number> }
}

export type Load = {
  url: string
  connections: number
  gzip?: boolean
  /** Extra request headers, "Name: value". */
  headers?: string[]
  /**
   * bench/<script>.lua: report (plain GETs), comment (comment POSTs), post (bare POSTs), graphql
   * (issue #9's hostile query), flood (comment POSTs from one client).
   */
  script?: 'report' | 'comment' | 'post' | 'graphql' | 'flood'
  args?: string[]
}

export type Measured = { rps: number; p50_ms: number; p99_ms: number; runs: WrkResult[] }

const root = path.resolve(import.meta.dirname, '..')

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

export function ensureDebianPackage({ command, probe, pkg }: { command: string; probe: string[]; pkg: string }) {
  try {
    execFileSync(command, probe, { stdio: 'ignore' })
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary is a problem.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return
    console.log(`Installing ${pkg} from Debian…`)
    execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  }
}

/** taskset's arguments for one wrk run on core 1 (the server under test has core 0). */
function wrkArgs(load: Load, seconds: number): string[] {
  // A 10 s timeout: a slow page should show in p99, not vanish as timeouts.
  const args = ['-c', '1', 'wrk', '-t1', `-c${load.connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', `bench/${load.script ?? 'report'}.lua`]
  if (load.gzip) args.push('-H', 'Accept-Encoding: gzip')
  for (const header of load.headers ?? []) args.push('-H', header)
  args.push(load.url)
  if (load.args) args.push('--', ...load.args)
  return args
}

function parseResult(load: Load, output: string): WrkResult {
  const line = output.split('\n').find((l) => l.startsWith('{'))
  if (!line) throw new Error(`wrk printed no result for ${load.url}:\n${output}`)
  return JSON.parse(line) as WrkResult
}

/** One wrk run on core 1. The Lua scripts load bench/report.lua relative to the repository. */
export function wrk(load: Load, seconds: number): WrkResult {
  return parseResult(load, execFileSync('taskset', wrkArgs(load, seconds), { cwd: root, encoding: 'utf8' }))
}

/** A wrk run left going in the background while something else is measured; its own figures are what they are. */
export function wrkInBackground(load: Load, seconds: number): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', wrkArgs(load, seconds), { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', () => {
      try {
        resolve(parseResult(load, output))
      } catch (error) {
        reject(error)
      }
    })
  })
}

let runCounter = 0
/** A small number no other wrk run of this bench process used, for scripts that make unique requests. */
export const nextRunTag = () => String(((process.pid % 1000) * 1000 + ++runCounter) % 65536)

/**
 * The median of 3 runs after a 3 s warm-up. Any failed request (socket error, timeout, a status
 * outside 2xx/3xx) fails the figure, and so does a run that completed nothing.
 */
export function measure(load: Load, seconds: number): Measured {
  const withTag = (): Load => (load.script === 'comment' ? { ...load, args: [nextRunTag(), ...(load.args ?? [])] } : load)
  wrk(withTag(), 3)
  const runs = [wrk(withTag(), seconds), wrk(withTag(), seconds), wrk(withTag(), seconds)]
  const failed = runs.reduce((n, r) => n + Object.values(r.errors).reduce((a, b) => a + b, 0), 0)
  if (failed > 0) {
    const statuses = runs.map((r) => JSON.stringify(r.extra.statuses ?? {})).join(' ')
    throw new Error(`${load.url}: ${failed} requests failed or were not 2xx/3xx ${load.script === 'comment' ? `(statuses per run: ${statuses})` : ''}`)
  }
  if (runs.some((r) => r.requests === 0)) throw new Error(`${load.url}: a run completed no request at all`)
  return {
    rps: median(runs.map((r) => r.rps)),
    p50_ms: median(runs.map((r) => r.p50_ms)),
    p99_ms: median(runs.map((r) => r.p99_ms)),
    runs,
  }
}
