import type { JobsConfig } from 'payload'

import { canRunJobsOverHttp } from '@/access/canRunJobsOverHttp'
import { EDITORS, hasRole } from '@/access/roles'
import { readJobsCron, readRedisEnv } from '@/lib/env'

import { appQueueGate } from './lease'

/**
 * When the queue runs: every minute by default (a scheduled article goes live within a minute of
 * its time), or BYLINE_JOBS_CRON, which tests and operators set (src/lib/env.ts checks it).
 */
export const QUEUE_CRON = readJobsCron()

/**
 * Payload's jobs queue, which carries scheduled publishing (articles' `schedulePublish`; the task
 * and the payload-jobs collection are Payload's own). The web server runs the queue itself with
 * this cron: Payload starts it with the first admin or API request, and instrumentation.ts starts
 * it at boot so that a server nobody has logged into yet publishes on time too. `npm run jobs`
 * (src/jobs/runOnce.ts) runs the same queue once, for deployments that drive it from cron.
 *
 * Payload's claim of a job is not exclusive (a SELECT, then an UPDATE that does not re-check), so
 * two runners in the same second run a job twice. In shared mode (REDIS_URL) a tick runs only in
 * the holder of the jobs lease (./lease.ts), which `npm run jobs` takes too; see ./README.md.
 */
export const queueGate = appQueueGate(readRedisEnv())

export const jobs: JobsConfig = {
  autoRun: [{ cron: QUEUE_CRON, queue: 'default', limit: 50 }],
  shouldAutoRun: queueGate.shouldAutoRun,
  // The queue is Payload's business; over HTTP (/api/payload-jobs/run) only editors may prod it,
  // and not at all in shared mode, where that route would run jobs beside the lease holder.
  access: {
    run: canRunJobsOverHttp,
    queue: ({ req }) => hasRole(req.user, ...EDITORS),
    cancel: ({ req }) => hasRole(req.user, ...EDITORS),
  },
  // Finished jobs stay for a trail of who scheduled what; they are small.
  deleteJobOnComplete: false,
}
