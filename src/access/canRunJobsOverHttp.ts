import type { PayloadRequest } from 'payload'

import { readRedisEnv } from '@/lib/env'

import { EDITORS, hasRole } from './roles'

/**
 * `POST /api/payload-jobs/run`: editors, with one process. In shared mode (REDIS_URL) nobody: the
 * route takes no jobs lease, so it would run jobs beside the lease holder and publish twice.
 */
export const canRunJobsOverHttp = ({ req }: { req: PayloadRequest }): boolean => readRedisEnv() === null && hasRole(req.user, ...EDITORS)
