/**
 * Next.js calls this once when a server process starts. Byline uses it to start Payload's jobs
 * queue at boot, so scheduled articles go live on time (src/jobs/startQueue.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { startJobQueue } = await import('./src/jobs/startQueue')
  await startJobQueue()
}
