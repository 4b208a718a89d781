import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { backfillArticleSearchText } from '../backfillArticleSearchText'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "search_text" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_search_text" varchar;`)
  // Articles saved before this field existed: compute their text now, or search would miss them.
  await backfillArticleSearchText({ payload, req })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "search_text";
  ALTER TABLE "_articles_v" DROP COLUMN "version_search_text";`)
}
