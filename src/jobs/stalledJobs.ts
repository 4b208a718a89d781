import type { Payload, Where } from 'payload'

/**
 * Jobs whose runner died (issue #7). Payload 3.90 marks a job `processing: true` when it claims
 * it and has no lease on that claim, so a runner that crashes or is killed mid-job leaves the job
 * claimed forever and it never runs. The queue's runner returns such jobs to the queue before
 * each run, through Payload's Local API, so it works on every database adapter.
 *
 * A job counts as stalled once it has been `processing` with no progress for STALE_AFTER_MS.
 * Payload stamps `updatedAt` when it claims a job and after each task, so that is the time of its
 * last sign of life. Only the lease holder (or the single process) sweeps, and it never sweeps
 * during its own run, so a job still being run can be taken only from a runner that lost its
 * lease and kept going: the timeout must outlast the longest task plus a lease (30 s).
 * Byline's one task, scheduled publishing, takes well under a second.
 */
const STALE_AFTER_MS = 2 * 60_000

/** After this many interrupted runs a job is failed for a person to look at rather than retried forever (a job that kills its runner would otherwise take every instance down in turn). */
export const MAX_INTERRUPTIONS = 3

const messages = {
  released: (count: number) => `Returned ${count} job(s) left processing by a runner that stopped to the queue.`,
  failed: (id: number | string) => `Job ${id} was interrupted ${MAX_INTERRUPTIONS} times (its runner stopped while running it); it is marked failed and will not be retried.`,
  interrupted: (times: number) => `Its runner stopped while running it (${times} time(s)).`,
}

type SweepResult = { released: (number | string)[]; failed: (number | string)[] }

export async function sweepStalledJobs(args: { payload: Payload; staleAfterMs?: number; now?: () => Date }): Promise<SweepResult> {
  const { payload, staleAfterMs = STALE_AFTER_MS, now = () => new Date() } = args
  const cutoff = new Date(now().getTime() - staleAfterMs).toISOString()
  const stalled = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ processing: { equals: true } }, { completedAt: { exists: false } }, { updatedAt: { less_than: cutoff } }] },
    depth: 0,
    limit: 100,
    pagination: false,
    overrideAccess: true,
  })

  const result: SweepResult = { released: [], failed: [] }
  for (const job of stalled.docs) {
    const interruptions = (job.totalTried ?? 0) + 1
    const giveUp = interruptions >= MAX_INTERRUPTIONS
    // Only if nothing touched the job since it was read: a runner that came back to life and
    // finished it in between keeps its result.
    const unchanged: Where = { and: [{ id: { equals: job.id } }, { processing: { equals: true } }, { updatedAt: { equals: job.updatedAt } }] }
    const { docs } = await payload.update({
      collection: 'payload-jobs',
      where: unchanged,
      data: {
        processing: false,
        totalTried: interruptions,
        ...(giveUp ? { hasError: true, error: { message: messages.interrupted(interruptions) } } : {}),
      },
      depth: 0,
      overrideAccess: true,
    })
    if (docs.length === 0) continue
    if (giveUp) {
      payload.logger.error(messages.failed(job.id))
      result.failed.push(job.id)
    } else {
      result.released.push(job.id)
    }
  }
  if (result.released.length > 0) payload.logger.warn(messages.released(result.released.length))
  return result
}
