import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "discussion" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"hold_all" boolean DEFAULT true,
  	"approve_known_commenters" boolean DEFAULT true,
  	"max_links" numeric DEFAULT 2,
  	"moderation_words" varchar,
  	"blocked_words" varchar,
  	"close_after_days_enabled" boolean DEFAULT false,
  	"close_after_days" numeric DEFAULT 14,
  	"thread_depth" numeric DEFAULT 3,
  	"comments_per_page" numeric DEFAULT 50,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "discussion" CASCADE;`)
}
