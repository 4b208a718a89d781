import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { median } from './wrk'

export type LighthouseFigures = {
  performance: number
  accessibility: number
  'best-practices': number
  seo: number
  lcp_ms: number
  tbt_ms: number
  cls: number
  js_transfer_bytes: number
  /** Lighthouse's own measure of how fast this host ran a fixed piece of work (higher is faster): the day's machine, for comparing runs. */
  benchmark_index: number
}

type Report = {
  categories: Record<string, { score: number | null }>
  audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }>
  runtimeError?: { message: string }
  environment?: { benchmarkIndex?: number }
}

const root = path.resolve(import.meta.dirname, '..')
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-background-networking'

function figures(report: Report): LighthouseFigures {
  if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.message}`)
  const score = (name: string) => Math.round((report.categories[name]?.score ?? 0) * 100)
  const metric = (name: string) => report.audits[name]?.numericValue ?? NaN
  const scripts = report.audits['resource-summary']?.details?.items?.find((item) => item.resourceType === 'script')
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    lcp_ms: metric('largest-contentful-paint'),
    tbt_ms: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    js_transfer_bytes: scripts?.transferSize ?? 0,
    benchmark_index: report.environment?.benchmarkIndex ?? NaN,
  }
}

/**
 * The control for the Lighthouse figures: a page with nothing to load, run or lay out (no script,
 * no stylesheet, no image, no favicon request), valid for every audit in the four categories.
 * Served by nginx, what Lighthouse reports for it is what this host and browser cost any page:
 * the ceiling the article's figures are read against, as nginx's static file is for wrk's.
 */
export const CONTROL_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lighthouse control page</title>
<meta name="description" content="A page with no script, stylesheet or image: what Lighthouse reports for it is the host's own cost.">
<link rel="icon" href="data:,">
</head>
<body>
<main>
<h1>Lighthouse control page</h1>
<p>Nothing to load, run or lay out.</p>
</main>
</body>
</html>
`

/**
 * Lighthouse (the npm package, CLI) in Debian's Chromium on core 1, three times; each figure is
 * the median of its three values. Mobile is Lighthouse's default (simulated slow 4G and CPU).
 */
export function lighthouse({ url, formFactor, dir }: { url: string; formFactor: 'mobile' | 'desktop'; dir: string }) {
  const runs: LighthouseFigures[] = []
  for (let i = 0; i < 3; i += 1) {
    const output = path.join(dir, `lighthouse-${formFactor}-${i}.json`)
    const args = [
      '-c', '1', path.join(root, 'node_modules/.bin/lighthouse'), url,
      '--output=json', `--output-path=${output}`, '--quiet',
      `--chrome-flags=${CHROME_FLAGS}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
    ]
    try {
      execFileSync('taskset', args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } })
    } catch (error) {
      // Lighthouse exits non-zero on a page it cannot audit; its report says why.
      const report = fs.existsSync(output) ? (JSON.parse(fs.readFileSync(output, 'utf8')) as Report) : null
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-3).join(' ')
      throw new Error(`Lighthouse (${formFactor}) failed on ${url}: ${report?.runtimeError?.message ?? stderr ?? String(error)}`)
    }
    runs.push(figures(JSON.parse(fs.readFileSync(output, 'utf8')) as Report))
  }
  const keys = Object.keys(runs[0] ?? {}) as (keyof LighthouseFigures)[]
  return { ...(Object.fromEntries(keys.map((key) => [key, median(runs.map((r) => r[key]))])) as LighthouseFigures), runs }
}
