import type { PayloadRequest } from 'payload'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { jobs, queueGate } from '@/jobs/config'

/** The app's jobs settings: in shared mode only the lease holder runs jobs, never an HTTP call. */

const editor = { req: { user: { id: 1, collection: 'users', roles: ['editor'] } } as unknown as PayloadRequest }
const redisUrl = process.env.REDIS_URL
const jobsCron = process.env.BYLINE_JOBS_CRON

afterEach(() => {
  if (redisUrl === undefined) delete process.env.REDIS_URL
  else process.env.REDIS_URL = redisUrl
  if (jobsCron === undefined) delete process.env.BYLINE_JOBS_CRON
  else process.env.BYLINE_JOBS_CRON = jobsCron
})

describe('Jobs configuration', () => {
  it('lets the cron tick through the lease gate', () => {
    expect(jobs.shouldAutoRun).toBe(queueGate.shouldAutoRun)
  })

  it('runs the queue every minute unless BYLINE_JOBS_CRON says otherwise', async () => {
    delete process.env.BYLINE_JOBS_CRON
    vi.resetModules()
    expect((await import('@/jobs/config')).jobs.autoRun).toEqual([expect.objectContaining({ cron: '* * * * *', queue: 'default' })])
    process.env.BYLINE_JOBS_CRON = '*/5 * * * * *'
    vi.resetModules()
    expect((await import('@/jobs/config')).jobs.autoRun).toEqual([expect.objectContaining({ cron: '*/5 * * * * *', queue: 'default' })])
  })

  it('lets an editor run the queue over HTTP with one process, but no one in shared mode', async () => {
    const run = jobs.access?.run
    expect(run).toBeTypeOf('function')
    if (!run) return
    delete process.env.REDIS_URL
    expect(await run(editor)).toBe(true)
    process.env.REDIS_URL = 'redis://127.0.0.1:6379'
    expect(await run(editor)).toBe(false)
  })
})
