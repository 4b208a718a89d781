import type { Payload } from 'payload'

import { getPayload } from 'payload'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

import { settlePurges } from '@/cache/sharedInvalidation'
import { checkDatabaseReachable } from '@/db/preflight'
import { ConfigurationError, readEnv } from '@/lib/env'
import { preloadLexical } from '@/lib/preloadLexical'

import type { Lease } from './lease'

import { createLease, jobsLeaseKey, leaseConnection, leaseOwner } from './lease'
import { sweepStalledJobs } from './stalledJobs'

/**
 * `npm run jobs`: runs the jobs queue once, for deployments that drive it from cron, beside the
 * servers' own crons. Payload's `jobs:run` never asks `shouldAutoRun`, so it would claim jobs at
 * the same moment as a server and run them twice; this takes the servers' lease first.
 *
 *   npm run jobs [-- --limit 100] [--queue default | --all-queues]
 */

const messages = {
  busy: (holder: string | null) =>
    `The jobs queue is being run by ${holder ?? 'another runner'} (it holds the jobs lease); nothing to do.`,
  ran: (count: number) => `Ran ${count} job(s).`,
  redisDown: (error: unknown) =>
    `Cannot take the jobs lease: Redis is unreachable (${error instanceof Error ? error.message : String(error)}). Not running the queue, which could run jobs twice.`,
  malformedLimit: (value: string) => `--limit "${value}" is not a whole number from 1 to 1000.`,
}

type RunOnceResult =
  | { ran: true; jobs: number; released: number }
  | { ran: false; holder: string | null }

type QueueSelection = { limit: number; queue?: string; allQueues?: boolean }

/** One run of the queue under the lease (or without one in a single-process setup). */
export async function runQueueOnce(args: { payload: Payload; lease: Lease | null; staleAfterMs?: number } & QueueSelection): Promise<RunOnceResult> {
  const { payload, lease, staleAfterMs, limit, queue, allQueues } = args
  if (lease) {
    if (!(await lease.acquire())) return { ran: false, holder: await lease.holder() }
    lease.keepAlive()
  }
  try {
    const { released } = await sweepStalledJobs({ payload, staleAfterMs })
    const result = await payload.jobs.run({ limit, ...(allQueues ? { allQueues: true } : { queue: queue ?? 'default' }) })
    const jobs = 'jobStatus' in result && result.jobStatus ? Object.keys(result.jobStatus).length : 0
    return { ran: true, jobs, released: released.length }
  } finally {
    if (lease) await lease.release()
  }
}

function parseSelection(argv: string[]): QueueSelection {
  const { values } = parseArgs({
    args: argv,
    options: { limit: { type: 'string' }, queue: { type: 'string' }, 'all-queues': { type: 'boolean' } },
  })
  const limitRaw = values.limit ?? '100'
  const limit = Number(limitRaw)
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ConfigurationError(messages.malformedLimit(limitRaw))
  return { limit, queue: values.queue, allQueues: values['all-queues'] === true }
}

async function main(): Promise<number> {
  const selection = parseSelection(process.argv.slice(2))
  const env = readEnv()
  const settings = env.redis
  await checkDatabaseReachable(env.database)
  await preloadLexical()
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  const redis = settings ? leaseConnection(settings.url) : null
  try {
    const lease = settings && redis ? createLease({ redis, key: jobsLeaseKey(settings.prefix), owner: leaseOwner(settings.instance), log: payload.logger }) : null
    let outcome: RunOnceResult
    try {
      outcome = await runQueueOnce({ payload, lease, ...selection })
    } catch (error) {
      if (redis && redis.status !== 'ready') {
        payload.logger.error(messages.redisDown(error))
        return 1
      }
      throw error
    }
    payload.logger.info(outcome.ran ? messages.ran(outcome.jobs) : messages.busy(outcome.holder))
    return 0
  } finally {
    redis?.disconnect()
    // A published article's late purge (after the commit) must reach the servers before we exit.
    await settlePurges()
    await payload.destroy()
  }
}

// Run as a command (tsx src/jobs/runOnce.ts), not when a test imports runQueueOnce.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof ConfigurationError ? `\n${error.message}\n` : error)
      process.exit(1)
    },
  )
}
