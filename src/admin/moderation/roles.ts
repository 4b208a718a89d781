import { CONTRIBUTORS, MODERATORS, hasRole } from '@/access/roles'

/** Accounts that only moderate (no role that writes) start their day in the queue rather than on the dashboard. */
export const landsOnQueue = (user: Parameters<typeof hasRole>[0]) => hasRole(user, ...MODERATORS) && !hasRole(user, ...CONTRIBUTORS)

/** The queue's path under the admin route. */
export const QUEUE_PATH = '/moderation'
