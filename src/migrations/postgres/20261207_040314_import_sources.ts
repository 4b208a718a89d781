import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "import_sources" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"key" varchar NOT NULL,
  	"site" varchar NOT NULL,
  	"kind" varchar NOT NULL,
  	"source_id" varchar NOT NULL,
  	"target" varchar NOT NULL,
  	"document_id" varchar NOT NULL,
  	"checksum" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "import_sources_id" uuid;
  CREATE UNIQUE INDEX "import_sources_key_idx" ON "import_sources" USING btree ("key");
  CREATE INDEX "import_sources_site_idx" ON "import_sources" USING btree ("site");
  CREATE INDEX "import_sources_updated_at_idx" ON "import_sources" USING btree ("updated_at");
  CREATE INDEX "import_sources_created_at_idx" ON "import_sources" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_import_sources_fk" FOREIGN KEY ("import_sources_id") REFERENCES "public"."import_sources"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_import_sources_id_idx" ON "payload_locked_documents_rels" USING btree ("import_sources_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "import_sources" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "import_sources" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_import_sources_fk";
  
  DROP INDEX "payload_locked_documents_rels_import_sources_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "import_sources_id";`)
}
