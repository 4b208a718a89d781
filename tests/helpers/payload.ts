import type { Payload } from 'payload'

import config from '@payload-config'
import { getPayload } from 'payload'

/** The Local API on the run's database (migrated by globalSetup). */
export const getTestPayload = (): Promise<Payload> => getPayload({ config })
