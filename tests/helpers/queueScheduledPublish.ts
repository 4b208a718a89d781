/**
 * Queues a scheduled publish for an article, as the admin's schedule drawer does
 * (`payload.jobs.queue` with Payload's `schedulePublish` task), from a process of its own on the
 * end-to-end database: REST cannot (payload-jobs refuses create), and the server's own cron is
 * what must then run it. Used by tests/e2e/caching.e2e.spec.ts.
 *
 *   npx tsx tests/helpers/queueScheduledPublish.ts <article id> <ISO time>
 */
import { getPayload } from 'payload'

import { preloadLexical } from '@/lib/preloadLexical'

const [id, at] = process.argv.slice(2)
if (!id || !at || Number.isNaN(Date.parse(at))) throw new Error('Usage: queueScheduledPublish.ts <article id> <ISO time>')

await preloadLexical()
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })
await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'articles', value: id } }, waitUntil: new Date(at) })
await payload.destroy()
process.exit(0)
