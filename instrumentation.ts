/**
 * Next.js calls this once when a server process starts. Byline uses it to start Payload's jobs
 * queue at boot, so scheduled articles go live on time (src/jobs/startQueue.ts), and to give the
 * production server a way to ask whether the database answers (src/db/probe.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ registerDatabaseProbe }, { getPayload }, { default: config }, { startJobQueue }] = await Promise.all([
    import('./src/db/probe'),
    import('payload'),
    import('@payload-config'),
    import('./src/jobs/startQueue'),
  ])
  // First, so that a database already down at boot is reported as an outage, not as a bug.
  registerDatabaseProbe(() => getPayload({ config }))
  await startJobQueue()
}
