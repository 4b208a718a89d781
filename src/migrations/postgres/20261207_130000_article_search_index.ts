import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Full-text search over published articles (#11), in a table of its own: per published article
 * a weighted tsvector (title A, excerpt B, body C; the 'english' configuration, so words are
 * stemmed) with a GIN index for matching, the title's and the excerpt's own small tsvectors for
 * ranking (whether every word is in the title, the excerpt), and the publication date for
 * ordering, so a search never reads `articles` but for the page's rows. A trigger on `articles`
 * keeps it in step with every write, bulk SQL included, and keeps only rows whose `_status` is
 * 'published', so a draft's words are never in it; deleting an article cascades. The body is
 * `search_text`, already folded (no accents); the query is folded the same way. See
 * src/search/README.md.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE "articles_search" (
    "article_id" uuid PRIMARY KEY NOT NULL REFERENCES "articles"("id") ON DELETE cascade,
    "published_at" timestamp(3) with time zone,
    "document" tsvector NOT NULL,
    "title_document" tsvector NOT NULL,
    "excerpt_document" tsvector NOT NULL
  );
  CREATE INDEX "articles_search_document_idx" ON "articles_search" USING gin ("document");

  CREATE FUNCTION "articles_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    title_document tsvector := to_tsvector('english', coalesce(NEW."title", ''));
    excerpt_document tsvector := to_tsvector('english', coalesce(NEW."excerpt", ''));
  BEGIN
    IF NEW."_status" = 'published' THEN
      INSERT INTO "articles_search" ("article_id", "published_at", "document", "title_document", "excerpt_document")
        VALUES (
          NEW."id",
          NEW."published_at",
          setweight(title_document, 'A') || setweight(excerpt_document, 'B') || setweight(to_tsvector('english', coalesce(NEW."search_text", '')), 'C'),
          title_document,
          excerpt_document
        )
        ON CONFLICT ("article_id") DO UPDATE SET
          "published_at" = EXCLUDED."published_at",
          "document" = EXCLUDED."document",
          "title_document" = EXCLUDED."title_document",
          "excerpt_document" = EXCLUDED."excerpt_document";
    ELSE
      DELETE FROM "articles_search" WHERE "article_id" = NEW."id";
    END IF;
    RETURN NULL;
  END
  $$;

  -- Only the searched columns: a comment count or a view total changing rewrites nothing.
  CREATE TRIGGER "articles_search_sync" AFTER INSERT OR UPDATE OF "title", "excerpt", "search_text", "_status", "published_at" ON "articles"
    FOR EACH ROW EXECUTE FUNCTION "articles_search_sync"();

  -- Fills the index: each published article "updated" to itself, through the trigger.
  UPDATE "articles" SET "_status" = "_status" WHERE "_status" = 'published';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "articles_search_sync" ON "articles";
  DROP FUNCTION IF EXISTS "articles_search_sync"();
  DROP TABLE IF EXISTS "articles_search";`)
}
