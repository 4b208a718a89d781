/**
 * `tsx bench/searchProbe.ts`: times the reader search (src/search) on the database in DATABASE_URL,
 * already seeded by bench/search.ts, and prints JSON: p50 and p95 per query, for the adapter's
 * full-text engine and for the `like` fallback. Each query is run a few times first (warm-up).
 */
import { performance } from 'node:perf_hooks'

import { bootPayload, runCommand } from '@/db/bootstrap'
import { engineFor, searchArticles } from '@/search'
import { likeEngine } from '@/search/engines/like'

export type SearchTiming = { query: string; engine: string; found: number; more: boolean; p50_ms: number; p95_ms: number; runs: number }

/** What readers type: a rare word (one title's number), common words, two words, other word forms, and no match. */
export const SEARCH_QUERIES = ['47113', 'season', 'netflix season', 'filming', 'seasons', 'zeppelin']
const RUNS = { fulltext: 40, like: 10 }
const WARM_UP = 3

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0

runCommand(async () => {
  const { payload } = await bootPayload({ logTo: process.stderr })
  const timings: SearchTiming[] = []
  for (const engine of [engineFor(payload), likeEngine]) {
    const runs = engine === likeEngine ? RUNS.like : RUNS.fulltext
    for (const query of SEARCH_QUERIES) {
      const once = () => searchArticles({ payload, query, engine })
      for (let i = 0; i < WARM_UP; i += 1) await once()
      const times: number[] = []
      let last = await once()
      for (let i = 0; i < runs; i += 1) {
        const start = performance.now()
        last = await once()
        times.push(performance.now() - start)
      }
      times.sort((a, b) => a - b)
      if (last.engine !== engine.name) throw new Error(`The ${engine.name} engine failed and ${last.engine} answered: is the search index migrated?`)
      timings.push({ query, engine: engine.name, found: last.totalDocs, more: last.more, p50_ms: percentile(times, 50), p95_ms: percentile(times, 95), runs })
    }
  }
  process.stdout.write(`${JSON.stringify(timings)}\n`)
  await payload.destroy()
})
