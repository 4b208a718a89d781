import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "_status_publishedAt_idx" ON "articles" USING btree ("_status","published_at");
  CREATE INDEX "category__status_publishedAt_idx" ON "articles" USING btree ("category_id","_status","published_at");
  CREATE INDEX "version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version__status","version_published_at");
  CREATE INDEX "version_category_version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version_category_id","version__status","version_published_at");
  CREATE INDEX "article_status_createdAt_idx" ON "comments" USING btree ("article_id","status","created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_status_publishedAt_idx";
  DROP INDEX "category__status_publishedAt_idx";
  DROP INDEX "version__status_version_publishedAt_idx";
  DROP INDEX "version_category_version__status_version_publishedAt_idx";
  DROP INDEX "article_status_createdAt_idx";`)
}
