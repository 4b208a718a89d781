/* Payload's GraphQL endpoint; regenerate rather than edit, then wrap POST again: staff only (src/api/staffOnlyGraphQL.ts). */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { staffOnlyGraphQL } from '@/api/staffOnlyGraphQL'

export const POST = staffOnlyGraphQL({ config, handler: GRAPHQL_POST(config) })
export const OPTIONS = REST_OPTIONS(config)
