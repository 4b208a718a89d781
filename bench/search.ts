/**
 * The `search` section of the bench (#11): the reader search at 100,000 articles. A database of
 * its own (not the site sections'), migrated and seeded with the demo, grown to 100k published
 * articles in bulk by bench/seedScale.ts (no comments: search does not read them), then
 * bench/searchProbe.ts times the engine in-process, without the page around it: p50 and p95 per
 * query, full-text engine against the `like` fallback.
 */
import { execFileSync } from 'node:child_process'

import type { SearchTiming } from './searchProbe'

export const SEARCH_SCALE = { articles: 100_000 } as const

export async function benchSearch({ root, env, log }: { root: string; env: NodeJS.ProcessEnv; log: (line: string) => void }): Promise<SearchTiming[]> {
  const run = (args: string[], stdout: 'inherit' | 'pipe' = 'inherit') =>
    execFileSync('taskset', ['-c', '0,1', 'npx', 'tsx', ...args], { cwd: root, env, stdio: ['ignore', stdout, 'inherit'], maxBuffer: 16 * 1024 * 1024 })
  log('   migrating and seeding the demo')
  run(['src/db/prepare.ts'], 'pipe')
  const started = Date.now()
  log(`   growing to ${SEARCH_SCALE.articles.toLocaleString('en')} articles`)
  run(['bench/seedScale.ts', '--articles', String(SEARCH_SCALE.articles), '--comments', '0'])
  log(`   seeded in ${((Date.now() - started) / 1000).toFixed(0)} s; timing queries`)
  const output = run(['bench/searchProbe.ts'], 'pipe').toString().trim().split('\n').at(-1) ?? '[]'
  return JSON.parse(output) as SearchTiming[]
}
