import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { expireTags } from '@/cache/expire'
import { PurgeLog, type PurgeEntry } from '@/cache/purgeLog'
import { registerPurgeLog } from '@/cache/purgeLogRegistry'
import { forgetAllRecords, remember, rememberEach } from '@/cache/records'
import { settlePurges } from '@/cache/sharedInvalidation'

/**
 * The wiring of shared mode into the app's own code, against a real Redis: a change made outside a
 * request (the jobs runner, a script) goes to the purge log instead of one server's /revalidate,
 * and the record cache keeps nothing while this process's log is degraded.
 */

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const prefix = `byline-test-wiring-${Date.now()}-${randomBytes(3).toString('hex')}:`
const logs: PurgeLog[] = []

async function waitFor(condition: () => boolean, timeoutMs: number, what: string) {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

afterEach(() => {
  registerPurgeLog(null)
  forgetAllRecords()
})

afterAll(async () => {
  await Promise.all(logs.map((log) => log.stop()))
})

describe('Shared mode wiring', () => {
  it('publishes a change made outside a request to the purge log, and asks no server over HTTP', async () => {
    const received: PurgeEntry[] = []
    const reader = new PurgeLog({ redisUrl: REDIS_URL, prefix, instance: 'reader', onPurge: (entry) => received.push(entry) })
    logs.push(reader)
    reader.start()
    await waitFor(() => reader.state === 'live', 3_000, 'the reader to be live')

    const errors: string[] = []
    // A server URL where nothing listens: the single-process path (askServer) would log an error.
    await expireTags(['latest', 'sitemap'], {
      secret: 'x'.repeat(32),
      serverURL: 'http://127.0.0.1:9',
      logger: { error: (message) => errors.push(message), info: () => undefined },
      redis: { url: REDIS_URL, prefix, instance: 'jobs-runner' },
    })
    await settlePurges()
    await waitFor(() => received.length >= 2, 3_000, 'the change and its late copy')
    expect(received.map((entry) => entry.tags)).toEqual([
      ['latest', 'sitemap'],
      ['latest', 'sitemap'],
    ])
    expect(errors).toEqual([])
  })

  it('keeps no records while the purge log is degraded, and keeps them again without one', async () => {
    // Nothing listens on port 9: the log degrades at once, as with Redis down.
    const down = new PurgeLog({ redisUrl: 'redis://127.0.0.1:9', prefix, instance: 'down', logger: { info: () => undefined, error: () => undefined } })
    logs.push(down)
    down.start()
    registerPurgeLog(down)
    await waitFor(() => down.state === 'degraded', 3_000, 'the log to degrade')

    let loads = 0
    const load = async () => ++loads
    await remember({ key: 'wiring:one', tags: ['t'], load })
    await remember({ key: 'wiring:one', tags: ['t'], load })
    expect(loads).toBe(2)
    let batches = 0
    const loadMissing = async (ids: string[]) => {
      batches += 1
      return new Map(ids.map((id) => [id, `value ${id}`]))
    }
    expect(await rememberEach({ ids: ['a', 'b', 'a'], key: (id) => `wiring:each:${id}`, tags: () => ['t'], loadMissing })).toEqual(
      new Map([
        ['a', 'value a'],
        ['b', 'value b'],
      ]),
    )
    await rememberEach({ ids: ['a'], key: (id) => `wiring:each:${id}`, tags: () => ['t'], loadMissing })
    expect(batches).toBe(2)

    registerPurgeLog(null)
    await remember({ key: 'wiring:one', tags: ['t'], load })
    await remember({ key: 'wiring:one', tags: ['t'], load })
    expect(loads).toBe(3)
  })
})
