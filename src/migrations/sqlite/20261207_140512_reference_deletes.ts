import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Deleting a tag, page or redirect that another document points at failed on SQLite with
 * "FOREIGN KEY constraint failed". Relationship columns that earlier migrations added to an
 * existing table were added with ALTER TABLE … REFERENCES x(id) and no ON DELETE clause (what the
 * generator writes for SQLite), so SQLite refused the delete where PostgreSQL, whose migrations
 * say ON DELETE cascade, removed the link. SQLite cannot change a constraint in place: each such
 * table is rebuilt from its own definition with the clause its other relationship columns have
 * (cascade in a `_rels` table: the link goes with what it points at), its rows and indexes kept.
 * Found by reading the live schema, so it mends whatever is there and nothing else.
 */
const LOOSE_REFERENCE = /(`\w+` text\(36\) REFERENCES \w+\(id\))(?! ON)/

export async function up({ db }: MigrateUpArgs): Promise<void> {
  const tables = (await db.all<{ name: string; sql: string }>(sql`SELECT name, sql FROM sqlite_master WHERE type = 'table'`)).filter(
    (table) => table.name.endsWith('_rels') && LOOSE_REFERENCE.test(table.sql),
  )
  for (const { name, sql: definition } of tables) {
    const indexes = await db.all<{ sql: string }>(sql`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ${name} AND sql IS NOT NULL`)
    const rebuilt = definition
      .replace(new RegExp(LOOSE_REFERENCE.source, 'g'), '$1 ON UPDATE no action ON DELETE cascade')
      .replace(/^CREATE TABLE `[^`]+`/, `CREATE TABLE \`__new_${name}\``)
    await db.run(sql.raw(rebuilt))
    await db.run(sql.raw(`INSERT INTO \`__new_${name}\` SELECT * FROM \`${name}\``))
    await db.run(sql.raw(`DROP TABLE \`${name}\``))
    await db.run(sql.raw(`ALTER TABLE \`__new_${name}\` RENAME TO \`${name}\``))
    for (const index of indexes) await db.run(sql.raw(index.sql))
  }
}

/** Nothing to undo: the rebuilt tables hold the same rows and indexes, with the clause they lacked. */
export async function down(_: MigrateDownArgs): Promise<void> {}
