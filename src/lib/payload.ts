import 'server-only'

import config from '@payload-config'
import { getPayload } from 'payload'

/** The one way front-end code reaches Payload: pages and components go through src/lib helpers. */
export const getPayloadClient = () => getPayload({ config })
