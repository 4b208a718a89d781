import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Full-text search over published articles (#11): an FTS5 index of title, excerpt and body
 * (`search_text`), stemmed by the porter tokenizer, accents removed. Triggers on `articles` keep
 * it in step with every write, bulk SQL included, and index only rows whose `_status` is
 * 'published', so a draft's words are never in it. `articles` has a text primary key (a UUID),
 * whose implicit rowid VACUUM may renumber: `articles_search_ids` gives each article a stable
 * integer for the index's rowid. (No `INSERT OR IGNORE` in the triggers: inside a trigger the
 * outer statement's conflict clause replaces it.) See src/search/README.md.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles_search_ids\` (\`rowid\` integer PRIMARY KEY, \`article_id\` text NOT NULL UNIQUE);`)
  await db.run(
    sql`CREATE VIRTUAL TABLE \`articles_fts\` USING fts5(\`title\`, \`excerpt\`, \`body\`, tokenize = 'porter unicode61 remove_diacritics 2');`,
  )
  await db.run(sql`CREATE TRIGGER \`articles_search_insert\` AFTER INSERT ON \`articles\` WHEN new.\`_status\` = 'published' BEGIN
    INSERT INTO \`articles_search_ids\` (\`article_id\`)
      SELECT new.\`id\` WHERE NOT EXISTS (SELECT 1 FROM \`articles_search_ids\` WHERE \`article_id\` = new.\`id\`);
    INSERT INTO \`articles_fts\` (\`rowid\`, \`title\`, \`excerpt\`, \`body\`)
      SELECT \`rowid\`, new.\`title\`, new.\`excerpt\`, new.\`search_text\` FROM \`articles_search_ids\` WHERE \`article_id\` = new.\`id\`;
  END;`)
  // Only the searched columns: a comment count or a view total changing rewrites nothing.
  await db.run(sql`CREATE TRIGGER \`articles_search_update\` AFTER UPDATE OF \`id\`, \`title\`, \`excerpt\`, \`search_text\`, \`_status\` ON \`articles\` BEGIN
    DELETE FROM \`articles_fts\` WHERE \`rowid\` = (SELECT \`rowid\` FROM \`articles_search_ids\` WHERE \`article_id\` = old.\`id\`);
    DELETE FROM \`articles_search_ids\` WHERE \`article_id\` = old.\`id\` AND new.\`_status\` IS NOT 'published';
    INSERT INTO \`articles_search_ids\` (\`article_id\`)
      SELECT new.\`id\` WHERE new.\`_status\` = 'published' AND NOT EXISTS (SELECT 1 FROM \`articles_search_ids\` WHERE \`article_id\` = new.\`id\`);
    INSERT INTO \`articles_fts\` (\`rowid\`, \`title\`, \`excerpt\`, \`body\`)
      SELECT \`rowid\`, new.\`title\`, new.\`excerpt\`, new.\`search_text\` FROM \`articles_search_ids\` WHERE \`article_id\` = new.\`id\` AND new.\`_status\` = 'published';
  END;`)
  await db.run(sql`CREATE TRIGGER \`articles_search_delete\` AFTER DELETE ON \`articles\` BEGIN
    DELETE FROM \`articles_fts\` WHERE \`rowid\` = (SELECT \`rowid\` FROM \`articles_search_ids\` WHERE \`article_id\` = old.\`id\`);
    DELETE FROM \`articles_search_ids\` WHERE \`article_id\` = old.\`id\`;
  END;`)
  await db.run(sql`INSERT INTO \`articles_search_ids\` (\`article_id\`) SELECT \`id\` FROM \`articles\` WHERE \`_status\` = 'published';`)
  await db.run(sql`INSERT INTO \`articles_fts\` (\`rowid\`, \`title\`, \`excerpt\`, \`body\`)
    SELECT s.\`rowid\`, a.\`title\`, a.\`excerpt\`, a.\`search_text\` FROM \`articles\` a JOIN \`articles_search_ids\` s ON s.\`article_id\` = a.\`id\`;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TRIGGER IF EXISTS \`articles_search_insert\`;`)
  await db.run(sql`DROP TRIGGER IF EXISTS \`articles_search_update\`;`)
  await db.run(sql`DROP TRIGGER IF EXISTS \`articles_search_delete\`;`)
  await db.run(sql`DROP TABLE IF EXISTS \`articles_fts\`;`)
  await db.run(sql`DROP TABLE IF EXISTS \`articles_search_ids\`;`)
}
