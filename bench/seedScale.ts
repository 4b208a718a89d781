/**
 * `tsx bench/seedScale.ts --articles N --comments M`: grows the demo newsroom (already seeded by
 * src/db/prepare.ts) to N published articles and M comments for the bench, and writes what the
 * bench measures to DATA_DIR/bench-fixtures.json. Run it again with larger numbers to grow further.
 *
 * The Local API runs every hook per document, far too slow for a million comments, so this writes
 * rows in bulk through the SQL adapters' Drizzle instance (`payload.db.drizzle`). Bench code may
 * know the adapter; the app may not. New rows are copies of the demo's own rows with the
 * identifying columns changed, so columns added to the collections later are filled in as the
 * demo fills them, and the bench keeps working without edits here.
 */
import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { sql } from '@payloadcms/db-sqlite'

import { articleSearchText } from '@/articles/searchText'
import { bootPayload, runCommand } from '@/db/bootstrap'
import { furtherArticles, REFERENCE_SLUG } from '@/seed/data'

export type BenchFixtures = {
  /** The reference article, topped up to 50 approved comments. */
  reference: { id: string; path: string }
  /** A copy of the reference article with 200 approved comments. */
  heavy: { id: string; path: string }
  category: { path: string }
  /** Published articles open for comments, for the comment POST bench to spread over. */
  commentable: string[]
  articles: number
  comments: number
}

type Row = Record<string, unknown>
/** The parts of a Drizzle database this script uses, the same for the SQLite and PostgreSQL adapters. */
type Drizzle = {
  transaction: <T>(work: (tx: Drizzle) => Promise<T>) => Promise<T>
  select: (fields?: Row) => { from: (table: unknown) => Promise<Row[]> & { where: (condition: unknown) => Promise<Row[]> } }
  insert: (table: unknown) => { values: (rows: Row[]) => Promise<unknown> }
  $count: (table: unknown, condition?: unknown) => Promise<number>
}
type SqlAdapter = { drizzle: Drizzle; tables: Record<string, Record<string, unknown>>; name: string }

const HEAVY_SLUG = 'bench-200-comments'
const REFERENCE_APPROVED = 50
const HEAVY_APPROVED = 200
const BATCH = 500
/** Rows per transaction: one commit (one fsync) each, instead of one per statement. */
const CHUNK = 50_000
const HOUR = 3_600_000
const DAY = 24 * HOUR

const messages = {
  notSql: (name: string) => `The bench seeds through Drizzle; the ${name} adapter has none. Use SQLite (default) or --db postgres.`,
  notSeeded: 'No published demo articles: run src/db/prepare.ts (the demo seed) first.',
}

/** Comment texts in the demo's register, cycled; a number keeps each body unique on its article. */
const BODIES = [
  'Great piece, thanks for pulling all of this together in one place.',
  'I had no idea about the filming locations. Adding them to my list for the summer.',
  'Honestly the books are even better. Start with volume one if you have not yet.',
  'Does anyone know whether the soundtrack is out on vinyl?',
  'The second half dragged a little for me, but the ending made up for it.',
  'Sharing this with my sister, she has been waiting for news for months.',
  'Counting the days. This was the comfort watch of the year.',
  'Small correction: the premiere was on a Friday, not a Thursday.',
]

/** A deterministic spread (no Math.random), so two runs at the same scale seed the same shape. */
const spread = (i: number, modulo: number) => ((i * 2_654_435_761) >>> 0) % modulo

function parse() {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, comments: { type: 'string' } } })
  const articles = Number(values.articles ?? 1000)
  const comments = Number(values.comments ?? 50_000)
  if (!Number.isInteger(articles) || !Number.isInteger(comments) || articles < 1 || comments < 0) {
    throw new Error('Usage: tsx bench/seedScale.ts --articles N --comments M (whole numbers)')
  }
  return { articles, comments }
}

function sqlAdapter(payload: Payload): SqlAdapter {
  const db = payload.db as unknown as Partial<SqlAdapter> & { name: string }
  if (!db.drizzle || !db.tables) throw new Error(messages.notSql(db.name))
  return db as SqlAdapter
}

/** Inserts rows in statements of BATCH rows (under both databases' bound-parameter limits), in one transaction. */
async function insertAll(db: Drizzle, table: unknown, rows: Row[]) {
  if (rows.length === 0) return
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += BATCH) await tx.insert(table).values(rows.slice(start, start + BATCH))
  })
}

/** A fresh row copied from a template: a new id of the same kind, and no database-assigned id for integer keys. */
function copyRow(template: Row, changes: Row): Row {
  const { id, ...rest } = template
  return { ...rest, ...(typeof id === 'string' ? { id: randomUUID() } : {}), ...changes }
}

runCommand(async () => {
  const target = parse()
  const { env, payload } = await bootPayload()
  const { drizzle: db, tables } = sqlAdapter(payload)
  // Drizzle's sql tag (re-exported by both SQL adapters) builds conditions that read the same on either.
  const eq = (left: unknown, right: unknown) => sql`${left} = ${right}`
  const articlesTable = tables.articles
  const commentsTable = tables.comments
  const relsTable = tables.articles_rels
  if (!articlesTable || !commentsTable || !relsTable) throw new Error('articles, articles_rels or comments table missing')
  const column = (table: Record<string, unknown>, name: string) => table[name]

  // The demo's published articles, whole, are the templates (the table may already hold 100k copies).
  const bySlug = async (slug: string) => (await db.select().from(articlesTable).where(eq(column(articlesTable, 'slug'), slug)))[0]
  const published = (await Promise.all([REFERENCE_SLUG, ...furtherArticles.map((a) => a.slug)].map(bySlug))).filter(
    (a): a is Row => a !== undefined && a._status === 'published',
  )
  const reference = published.find((a) => a.slug === REFERENCE_SLUG)
  if (!reference) throw new Error(messages.notSeeded)
  const referenceComments = await db.select().from(commentsTable).where(eq(column(commentsTable, 'article'), reference.id))
  const commentTemplate = referenceComments.find((c) => c.status === 'approved')
  if (!commentTemplate) throw new Error(messages.notSeeded)
  const categoryOf = async (id: unknown) => (await payload.findByID({ collection: 'categories', id: String(id), depth: 0 })).slug
  const referenceCategory = await categoryOf(reference.category)

  const now = Date.now()
  /** Comment n on an article, `minutes` after it was published (never in the future). */
  const comment = (article: Row, n: number, minutes: number, changes: Row = {}): Row => {
    const published = new Date(String(article.publishedAt ?? article.createdAt)).getTime()
    const at = new Date(Math.min(published + minutes * 60_000, now - 60_000)).toISOString()
    const reader = spread(n, 20_000)
    return copyRow(commentTemplate, {
      article: article.id,
      parent: null,
      authorName: `Reader ${reader}`,
      authorEmail: `reader${reader}@example.com`,
      authorUrl: null,
      body: `${BODIES[n % BODIES.length]} (#${n})`,
      status: 'approved',
      ipHash: null,
      userAgent: 'Mozilla/5.0 (bench seed)',
      createdAt: at,
      updatedAt: at,
      ...changes,
    })
  }
  /** Approved comments on one article until it has `total`, every fourth a reply to the one before. */
  const topUp = async (article: Row, total: number) => {
    const have = await db.$count(commentsTable, eq(column(commentsTable, 'article'), article.id))
    const rows: Row[] = []
    for (let n = have; n < total; n += 1) {
      const previous = rows.at(-1)
      rows.push(comment(article, n, (n + 1) * 5, n % 4 === 3 && previous ? { parent: previous.id } : {}))
    }
    // Replies need their parent's id: integer keys are assigned by the database, so those stay top-level.
    if (typeof commentTemplate.id !== 'string') for (const row of rows) row.parent = null
    await insertAll(db, commentsTable, rows)
  }

  // The reference article with 50 approved comments, and its 200-comment twin.
  await topUp(reference, REFERENCE_APPROVED)
  // Hooks do not run on these rows: a copy under a new title gets the search text that title makes.
  const searchTextOf = (template: Row, title: string) =>
    articleSearchText({ title, excerpt: template.excerpt as string | null, content: template.content as { root: unknown } | null })
  const relsOf = (article: Row) => db.select().from(relsTable).where(eq(column(relsTable, 'parent'), article.id))
  let heavy = await bySlug(HEAVY_SLUG)
  if (!heavy) {
    const title = 'Heartstopper Season 2: your 200 questions'
    const copy = copyRow(reference, { slug: HEAVY_SLUG, title, searchText: searchTextOf(reference, title), publishedAt: new Date(now - 2 * DAY).toISOString() })
    await db.insert(articlesTable).values([copy])
    await insertAll(db, relsTable, (await relsOf(reference)).map((r) => copyRow(r, { parent: copy.id })))
    heavy = copy
  }
  await topUp(heavy, HEAVY_APPROVED)

  // More articles: copies of the demo's published ones, older than the demo, in the same categories.
  const articleCount = await db.$count(articlesTable)
  const templates = published.filter((a) => a.id !== reference.id)
  const templateRels = new Map<unknown, Row[]>()
  for (const template of templates) templateRels.set(template.id, await relsOf(template))
  const started = now
  let added = 0
  for (let n = articleCount; n < target.articles; n += CHUNK / 10) {
    const articles: Row[] = []
    const rels: Row[] = []
    for (let i = n; i < Math.min(n + CHUNK / 10, target.articles); i += 1) {
      const template = templates[i % templates.length] as Row
      const publishedAt = new Date(now - 3 * DAY - i * HOUR).toISOString()
      const title = `${String(template.title)} (${i})`
      const article = copyRow(template, {
        slug: `${String(template.slug)}-${i}`,
        title,
        searchText: searchTextOf(template, title),
        commentsOpen: true,
        publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      })
      articles.push(article)
      for (const rel of templateRels.get(template.id) ?? []) rels.push(copyRow(rel, { parent: article.id }))
    }
    if (typeof articles[0]?.id !== 'string') throw new Error('The bench seeds UUID-keyed articles only (payload.config idType).')
    await insertAll(db, articlesTable, articles)
    await insertAll(db, relsTable, rels)
    added += articles.length
  }

  // Comments spread over every published article but the two above, unevenly, as readers do.
  const haveComments = await db.$count(commentsTable)
  const open = (await db.select({ id: column(articlesTable, 'id'), slug: column(articlesTable, 'slug'), status: column(articlesTable, '_status'), publishedAt: column(articlesTable, 'publishedAt') }).from(articlesTable))
    .filter((a) => a.status === 'published' && a.slug !== REFERENCE_SLUG && a.slug !== HEAVY_SLUG)
  let made = 0
  let batch: Row[] = []
  for (let n = haveComments; n < target.comments; n += 1) {
    const article = open[spread(n, open.length) % open.length] as Row
    const kind = spread(n + 7, 100)
    batch.push(comment(article, n, spread(n + 3, 7 * 24 * 60), { status: kind < 90 ? 'approved' : kind < 97 ? 'pending' : 'spam' }))
    if (batch.length === CHUNK) {
      await insertAll(db, commentsTable, batch)
      made += batch.length
      batch = []
    }
  }
  await insertAll(db, commentsTable, batch)
  made += batch.length

  // Every spam check on: word lists the comment bench's texts never hit, so each rule runs in full.
  await payload.updateGlobal({
    slug: 'discussion',
    data: { moderationWords: 'casino\ncrypto giveaway', blockedWords: 'viagra\nfree followers', maxLinks: 2 },
    context: { disableRevalidate: true },
  })

  const fixtures: BenchFixtures = {
    reference: { id: String(reference.id), path: `/${referenceCategory}/${REFERENCE_SLUG}` },
    heavy: { id: String(heavy.id), path: `/${referenceCategory}/${HEAVY_SLUG}` },
    category: { path: `/${referenceCategory}` },
    commentable: open.slice(0, 500).map((a) => String(a.id)),
    articles: await db.$count(articlesTable),
    comments: await db.$count(commentsTable),
  }
  fs.writeFileSync(path.join(env.dataDir, 'bench-fixtures.json'), JSON.stringify(fixtures, null, 2))
  console.log(
    `bench seed: +${added} articles, +${made} comments in ${((Date.now() - started) / 1000).toFixed(1)}s; now ${fixtures.articles} articles, ${fixtures.comments} comments`,
  )
  await payload.destroy()
})
