import type { JobsConfig } from 'payload'

import { hasRole } from '@/access/roles'

/** Every minute: a scheduled article goes live within a minute of its time. */
export const QUEUE_CRON = '* * * * *'

/**
 * Payload's jobs queue, which carries scheduled publishing (articles' `schedulePublish`; the task
 * and the payload-jobs collection are Payload's own). The web server runs the queue itself with
 * this cron: Payload starts it with the first admin or API request, and instrumentation.ts starts
 * it at boot so that a server nobody has logged into yet publishes on time too. `npm run jobs`
 * (Payload's `jobs:run`) runs the same queue once, for deployments that drive it from cron.
 * Running both is safe: a job is marked as processing before it runs.
 */
export const jobs: JobsConfig = {
  autoRun: [{ cron: QUEUE_CRON, queue: 'default', limit: 50 }],
  // The queue is Payload's business; over HTTP (/api/payload-jobs/run) only editors may prod it.
  access: {
    run: ({ req }) => hasRole(req.user, 'admin', 'editor'),
    queue: ({ req }) => hasRole(req.user, 'admin', 'editor'),
    cancel: ({ req }) => hasRole(req.user, 'admin', 'editor'),
  },
  // Finished jobs stay for a trail of who scheduled what; they are small.
  deleteJobOnComplete: false,
}
