import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { backfillMediaUsed } from '../backfillMediaUsed'

/**
 * Data only, kept apart from the generated schema migration (newsroom_tools) so that regenerating
 * schema migrations keeps it: articles and pages saved before `mediaUsed` existed get theirs.
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await backfillMediaUsed({ payload, req })
}

/** Nothing to undo: the schema migration's down drops the column the backfill wrote. */
export async function down(_: MigrateDownArgs): Promise<void> {}
