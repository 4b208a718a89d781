import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`discussion\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`hold_all\` integer DEFAULT true,
  	\`approve_known_commenters\` integer DEFAULT true,
  	\`max_links\` numeric DEFAULT 2,
  	\`moderation_words\` text,
  	\`blocked_words\` text,
  	\`close_after_days_enabled\` integer DEFAULT false,
  	\`close_after_days\` numeric DEFAULT 14,
  	\`thread_depth\` numeric DEFAULT 3,
  	\`comments_per_page\` numeric DEFAULT 50,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`discussion\`;`)
}
