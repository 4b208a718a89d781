import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "authors" ADD COLUMN "created_by_id" uuid;
  ALTER TABLE "cast" ADD COLUMN "created_by_id" uuid;
  ALTER TABLE "media" ADD COLUMN "created_by_id" uuid;
  ALTER TABLE "authors" ADD CONSTRAINT "authors_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cast" ADD CONSTRAINT "cast_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "authors_created_by_idx" ON "authors" USING btree ("created_by_id");
  CREATE INDEX "cast_created_by_idx" ON "cast" USING btree ("created_by_id");
  CREATE INDEX "media_created_by_idx" ON "media" USING btree ("created_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "authors" DROP CONSTRAINT "authors_created_by_id_users_id_fk";
  
  ALTER TABLE "cast" DROP CONSTRAINT "cast_created_by_id_users_id_fk";
  
  ALTER TABLE "media" DROP CONSTRAINT "media_created_by_id_users_id_fk";
  
  DROP INDEX "authors_created_by_idx";
  DROP INDEX "cast_created_by_idx";
  DROP INDEX "media_created_by_idx";
  ALTER TABLE "authors" DROP COLUMN "created_by_id";
  ALTER TABLE "cast" DROP COLUMN "created_by_id";
  ALTER TABLE "media" DROP COLUMN "created_by_id";`)
}
