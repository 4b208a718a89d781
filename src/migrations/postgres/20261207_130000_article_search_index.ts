import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Full-text search over published articles (#11): one weighted tsvector per published article
 * (title A, excerpt B, body C; the 'english' configuration, so words are stemmed), in its own
 * table with a GIN index. A trigger on `articles` keeps it in step with every write, bulk SQL
 * included, and keeps only rows whose `_status` is 'published', so a draft's words are never in
 * it; deleting an article cascades. The body is `search_text`, already folded (no accents); the
 * query is folded the same way. See src/search/README.md.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "articles_search" (
    "article_id" uuid PRIMARY KEY NOT NULL REFERENCES "articles"("id") ON DELETE cascade,
    "document" tsvector NOT NULL
  );
  CREATE INDEX "articles_search_document_idx" ON "articles_search" USING gin ("document");

  CREATE FUNCTION "articles_search_document"(title varchar, excerpt varchar, body varchar) RETURNS tsvector
    LANGUAGE sql IMMUTABLE AS $$
      SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(excerpt, '')), 'B')
        || setweight(to_tsvector('english', coalesce(body, '')), 'C')
    $$;

  CREATE FUNCTION "articles_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW."_status" = 'published' THEN
      INSERT INTO "articles_search" ("article_id", "document")
        VALUES (NEW."id", "articles_search_document"(NEW."title", NEW."excerpt", NEW."search_text"))
        ON CONFLICT ("article_id") DO UPDATE SET "document" = EXCLUDED."document";
    ELSE
      DELETE FROM "articles_search" WHERE "article_id" = NEW."id";
    END IF;
    RETURN NULL;
  END
  $$;

  -- Only the searched columns: a comment count or a view total changing rewrites nothing.
  CREATE TRIGGER "articles_search_sync" AFTER INSERT OR UPDATE OF "title", "excerpt", "search_text", "_status" ON "articles"
    FOR EACH ROW EXECUTE FUNCTION "articles_search_sync"();

  INSERT INTO "articles_search" ("article_id", "document")
    SELECT "id", "articles_search_document"("title", "excerpt", "search_text") FROM "articles" WHERE "_status" = 'published';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "articles_search_sync" ON "articles";
  DROP FUNCTION IF EXISTS "articles_search_sync"();
  DROP TABLE IF EXISTS "articles_search";
  DROP FUNCTION IF EXISTS "articles_search_document"(varchar, varchar, varchar);`)
}
