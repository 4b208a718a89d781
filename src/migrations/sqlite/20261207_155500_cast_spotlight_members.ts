import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

import { renameCastSpotlightField } from '../renameCastSpotlightField'

/**
 * Data only, no schema change: Cast spotlight blocks live in the bodies' JSON, whose `cast` field
 * is now `castMembers` (src/blocks/CastSpotlight/config.ts). Articles, pages and their versions.
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await renameCastSpotlightField({ payload, req, from: 'cast', to: 'castMembers' })
}

export async function down({ payload, req }: MigrateDownArgs): Promise<void> {
  await renameCastSpotlightField({ payload, req, from: 'castMembers', to: 'cast' })
}
