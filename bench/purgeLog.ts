import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'

import { createCacheHandler, createCacheState } from '@/cache/nextCacheHandler.mjs'
import { PurgeLog } from '@/cache/purgeLog'

/**
 * Two figures behind the shared-mode design (src/cache/purgeLog.ts, src/cache/nextCacheHandler.mjs):
 * how long a purge takes from XADD to the reader's onPurge on this machine, and what a lookup of a
 * 200 KB page costs in the in-memory handler (against 0.7–2.5 ms for the same page read from Redis).
 *
 *   npx tsx bench/purgeLog.ts [--url redis://127.0.0.1:6379] [--purges 1000] [--gets 20000]
 */

const args = new Map<string, string>()
for (let i = 2; i + 1 < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1])
const url = args.get('url') ?? 'redis://127.0.0.1:6379'
const purges = Number(args.get('purges') ?? 1_000)
const gets = Number(args.get('gets') ?? 20_000)

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const round = (ms: number) => Math.round(ms * 1000) / 1000

async function purgeLatency() {
  const prefix = `byline-bench-${randomBytes(4).toString('hex')}:`
  let arrived: (() => void) | null = null
  const quiet = { info: () => undefined, error: (m: string) => console.error(m) }
  const reader = new PurgeLog({ redisUrl: url, prefix, logger: quiet, onPurge: () => arrived?.() })
  const publisher = new PurgeLog({ redisUrl: url, prefix, logger: quiet })
  reader.start()
  while (reader.state !== 'live') await new Promise((resolve) => setTimeout(resolve, 5))
  const samples: number[] = []
  for (let i = 0; i < purges + 50; i++) {
    const seen = new Promise<void>((resolve) => (arrived = resolve))
    const started = performance.now()
    await publisher.publish([`article:${i}`, 'articles'])
    await seen
    // The first 50 warm up the connections and the JIT.
    if (i >= 50) samples.push(performance.now() - started)
  }
  await Promise.all([reader.stop(), publisher.stop()])
  const admin = new Redis(url)
  await admin.del(`${prefix}purges`)
  admin.disconnect()
  samples.sort((a, b) => a - b)
  return { purges: samples.length, p50_ms: round(percentile(samples, 50)), p95_ms: round(percentile(samples, 95)), p99_ms: round(percentile(samples, 99)) }
}

async function handlerGetCost() {
  const state = createCacheState()
  const Handler = createCacheHandler({ state, log: () => null })
  const html = `<!doctype html>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>'.repeat(3_300)}`.slice(0, 200_000)
  const context = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false } as never
  const render = new Handler({} as never)
  await render.get('/news/a-story', context)
  await render.set(
    '/news/a-story',
    { kind: 'APP_PAGE', html, rscData: Buffer.alloc(60_000, 1), headers: { 'x-next-cache-tags': 'article:a-story,articles,_N_T_/layout,_N_T_/news/a-story' }, postponed: undefined, status: 200, segmentData: undefined } as never,
    { cacheControl: { revalidate: 3600, expire: undefined } } as never,
  )
  // Some expired tags of other pages, as after a day of edits.
  for (let i = 0; i < 2_000; i++) await new Handler({} as never).revalidateTag(`article:other-${i}`)
  const time = async (label: string, perRequest: () => Promise<unknown>) => {
    for (let i = 0; i < 1_000; i++) await perRequest()
    const started = performance.now()
    for (let i = 0; i < gets; i++) await perRequest()
    // Microseconds per request, the handler's construction included (Next makes one per request).
    return { [label]: Math.round(((performance.now() - started) / gets) * 1000 * 100) / 100 }
  }
  return {
    page_bytes: html.length + 60_000,
    ...(await time('get_us', () => new Handler({} as never).get('/news/a-story', context))),
  }
}

const latency = await purgeLatency()
const handler = await handlerGetCost()
console.log(JSON.stringify({ xadd_to_onPurge: latency, handler_get_200kb: handler }, null, 2))
