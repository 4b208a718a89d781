import { isBuildPhase } from '@/lib/env'

/**
 * Starts the jobs queue's cron in the web server process at boot (see ./config.ts). Payload
 * starts it lazily with the first admin or API request; asking for it here means a restarted
 * server publishes scheduled articles on time even if only readers visit it.
 */
export async function startJobQueue(): Promise<void> {
  // `next build` loads instrumentation too; a build must never run jobs (Payload also checks).
  if (isBuildPhase()) return
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  await getPayload({ config, cron: true })
}
