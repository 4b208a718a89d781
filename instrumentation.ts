/**
 * Next.js calls this once when a server process starts. Byline uses it to start Payload's jobs
 * queue at boot, so scheduled articles go live on time (src/jobs/startQueue.ts), and to give the
 * production server a way to ask whether the database answers (src/db/probe.ts) and where an old
 * address redirects (src/redirects).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ registerDatabaseProbe }, { getPayload }, { default: config }, { startJobQueue }, { registerRedirectLookup }, { lookUpRedirect }] = await Promise.all([
    import('./src/db/probe'),
    import('payload'),
    import('@payload-config'),
    import('./src/jobs/startQueue'),
    import('./src/redirects/registry'),
    import('./src/redirects/table'),
  ])
  // First, so that a database already down at boot is reported as an outage, not as a bug.
  registerDatabaseProbe(() => getPayload({ config }))
  registerRedirectLookup((pathAndQuery) => lookUpRedirect(() => getPayload({ config }), pathAndQuery))
  await startJobQueue()
}
