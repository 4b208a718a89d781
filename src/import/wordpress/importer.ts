/**
 * The WordPress import: reads an export twice and writes it through Payload's Local API.
 *
 * 1. The scan reads the whole file and writes nothing: it checks the file (bad input stops the
 *    run before any change) and keeps the small things later items refer to: authors, terms,
 *    attachments and an index of posts and pages (ids, slugs, links, parents).
 * 2. The write reads it again: authors, categories, tags and attachments first, then each post
 *    or page with its comments, item by item. Only one item is in memory at a time.
 * 3. Links to posts and pages written later in the file, and pages whose parent came later, are
 *    fixed at the end; then the old addresses get their redirects, and the cache expires once.
 *
 * Every item is its own transaction, so one bad item is reported and the run goes on. What was
 * imported is remembered in `import-sources` (site, kind, WordPress id → document, checksum):
 * a second run skips what has not changed and updates what has.
 */
import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { createLocalReq, ValidationError } from 'payload'

import type { ContentImage, ConvertedBody, LinkTarget } from './content'
import type { CommentRow, RedirectRow, SourceRowInsert } from './bulkWrites'
import type { ReportType } from './map'
import type { WxrAuthor, WxrComment, WxrItem, WxrSite, WxrTerm } from './wxr'

import { articleTags, commentTags, pageTags, serverExpiry } from '@/cache/hooks'
import { expireTags } from '@/cache/expire'
import { tag as cacheTag } from '@/cache/tags'
import { isHttpUrl } from '@/lib/httpUrl'
import { hashIp } from '@/lib/ipAddress'
import { normalizeSource } from '@/redirects/paths'
import { relationId } from '@/lib/relationId'
import { RESERVED_SLUGS } from '@/lib/reservedSlugs'
import { articleHref, authorHref, categoryHref } from '@/lib/urls'
import { fieldRules, LIMITS } from '@/comments/validate'
import { inTransaction as inDatabaseTransaction } from '@/db/belowPayload'

import { contentEditorOf, inlineReusableBlocks, settleBody } from './content'
import { inThread, inWorker } from './conversions'
import {
  bylineSlug,
  categoryPaths,
  checksum,
  chooseCategory,
  commentStatus,
  commentText,
  decodeEntities,
  IMPORTED_TYPES,
  isLinkNotice,
  notes,
  basePath,
  oldAddresses,
  originalImageUrl,
  parentsFirst,
  planPost,
  reasons,
  siteKey,
  threadOrder,
  uploadsPath,
  wordpressDate,
} from './map'
import { bulkWriter } from './bulkWrites'
import { ImportReport } from './report'
import { resolvesToPublic } from './publicAddress'
import { readWxr } from './wxr'

type ImportPhase = 'scanning' | 'people and terms' | 'media' | 'posts' | 'links' | 'redirects' | 'done'
export type ImportProgress = { phase: ImportPhase; done: number; total: number }

type ImportArgs = {
  payload: Payload
  file: string
  /** The site's copied uploads folder; files not found there are fetched from their URL. */
  mediaFrom?: string | null
  /** Reads, checks and reports, and writes nothing. */
  dryRun?: boolean
  /** Fetch media that is not in `mediaFrom` from its URL (on by default). */
  fetchMedia?: boolean
  /** Fetch media only from public addresses (imports from the admin screen, whose file anyone may have written). */
  publicMediaOnly?: boolean
  /**
   * SQLite only, for the command line, which has its connection to itself: no disk flush per
   * commit, and each item in a transaction of the import's own (./bulkWrites.ts).
   */
  ownSqliteConnection?: boolean
  /** The content conversion's worker thread (./conversionWorker.ts), for the command line; without it, conversion runs in this thread. */
  conversionWorker?: string | null
  onProgress?: (progress: ImportProgress) => void
}

const messages = {
  staleCache: 'the running site could not be told to refresh its cached pages; restart it, or old pages show until they expire',
}

const mediaReasons = {
  notImage: (type: string) => `not an image (${type}): Byline's media library holds images only`,
  missing: 'the file is neither in the uploads folder nor reachable at its URL; the content links to the original address',
  badUrl: 'the address is not a web address',
  privateHost: 'the address is on a private network, which imports from the admin screen do not fetch from; the content links to it',
}

/** WordPress's feed addresses (/feed/, /rss/): they redirect to Byline's feed, which they name too. */
const FEED_ADDRESSES = new Set(['feed', 'rss'])

/** Writes made by the import: no notification emails, no per-item cache expiry (one expiry at the end). */
const CONTEXT = { disableRevalidate: true, disableNotifications: true, wordpressImport: true }

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' }
const MAX_MEDIA_BYTES = 25 * 1024 * 1024
const FETCH_TIMEOUT_MS = 15_000
const MAX_REDIRECTS = 4
const PROGRESS_EVERY = 100
/** Items read ahead of the one being written, their content converting meanwhile. */
const CONVERSIONS_AHEAD = 4
const EXPIRE_CHUNK = 1000
/** An address without an email (old WordPress comments): valid for Byline, and plainly nobody's. */
const NO_EMAIL = 'no-email@wordpress-import.invalid'

/** An attachment: its file (`url`), and its page's address (`link`, `slug`, the post it was attached to) for redirects. */
type Attachment = { id: string; url: string; alt: string; title: string; checksum: string; link: string; slug: string; parent: string }
type PostIndex = { id: string; type: string; slug: string; parent: string; status: string; link: string }
type Scan = {
  site: WxrSite
  siteId: string
  host: string
  authors: Map<string, WxrAuthor>
  categories: WxrTerm[]
  tags: WxrTerm[]
  attachments: Map<string, Attachment>
  /** Reusable blocks' content by WordPress id, put in where posts use them. */
  reusableBlocks: Map<string, string>
  attachmentByUrl: Map<string, string>
  posts: Map<string, PostIndex>
  /** Old path (no trailing slash, with query) → WordPress post id, for internal links. */
  postByPath: Map<string, string>
  items: number
}

type SourceRow = { rowId: string; documentId: string; checksum: string | null }
type Outcome = 'created' | 'updated' | 'unchanged'
type Transaction = {
  req: PayloadRequest
  remember: (key: string, row: SourceRow) => void
  count: (outcome: Outcome, type: ReportType) => void
}

const kinds = { author: 'author', category: 'category', tag: 'tag', media: 'media', mediaUrl: 'media-url', post: 'post', page: 'page', comment: 'comment' } as const

const trimPath = (pathname: string) => (pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname)

function pathKey(url: string, host: string): string | null {
  try {
    const parsed = new URL(url, `https://${host}`)
    if (parsed.host.toLowerCase() !== host) return null
    return `${trimPath(parsed.pathname)}${parsed.search}`
  } catch {
    return null
  }
}

async function scan(file: string, onProgress: (done: number) => void): Promise<Scan> {
  const result: Scan = {
    site: { title: '', link: '', baseUrl: '', version: '' },
    siteId: '',
    host: '',
    authors: new Map(),
    categories: [],
    tags: [],
    attachments: new Map(),
    attachmentByUrl: new Map(),
    posts: new Map(),
    postByPath: new Map(),
    reusableBlocks: new Map(),
    items: 0,
  }
  const logins = new Set<string>()
  for await (const record of readWxr(file)) {
    switch (record.kind) {
      case 'site':
        result.site = record.site
        result.siteId = siteKey(record.site)
        try {
          result.host = new URL(record.site.baseUrl || record.site.link).host.toLowerCase()
        } catch {
          result.host = ''
        }
        break
      case 'author':
        result.authors.set(record.author.login, record.author)
        break
      case 'category':
        if (!result.categories.some((c) => c.slug === record.term.slug)) result.categories.push(record.term)
        break
      case 'tag':
        if (!result.tags.some((t) => t.slug === record.term.slug)) result.tags.push(record.term)
        break
      case 'item': {
        const { item } = record
        result.items += 1
        if (result.items % 1000 === 0) onProgress(result.items)
        if (item.type === 'wp_block') result.reusableBlocks.set(item.id, item.content)
        if (item.type === 'attachment') {
          const url = item.attachmentUrl || item.link
          const attachment = {
            id: item.id,
            url,
            alt: decodeEntities(item.meta._wp_attachment_image_alt ?? ''),
            title: decodeEntities(item.title),
            checksum: checksum([url, item.meta._wp_attachment_image_alt, item.title]),
            link: item.link,
            slug: item.slug,
            parent: item.parent,
          }
          result.attachments.set(item.id, attachment)
          result.attachmentByUrl.set(url, item.id)
        } else if (item.type === 'post' || item.type === 'page') {
          result.posts.set(item.id, { id: item.id, type: item.type, slug: item.slug, parent: item.parent, status: item.status, link: item.link })
          const key = pathKey(item.link, result.host)
          if (key) result.postByPath.set(key, item.id)
          // WordPress's own short links, under its folder when it was installed in one.
          const base = basePath(result.site)
          const shortLinks = [`${base}/?p=${item.id}`, ...(item.type === 'page' ? [`${base}/?page_id=${item.id}`] : [])]
          for (const link of shortLinks) result.postByPath.set(pathKey(link, result.host) ?? link, item.id)
          if (item.creator) logins.add(item.creator)
          // Terms a post names that the channel did not list (exports of a single author do this).
          for (const term of item.terms) {
            const list = term.domain === 'category' ? result.categories : term.domain === 'post_tag' ? result.tags : null
            if (list && term.slug && !list.some((t) => t.slug === term.slug)) list.push({ termId: '', slug: term.slug, name: term.name, parent: '', description: '' })
          }
        }
        break
      }
    }
  }
  // Posts by people the author list leaves out still need a byline.
  for (const login of logins) {
    if (!result.authors.has(login)) result.authors.set(login, { id: '', login, email: '', displayName: login, description: '' })
  }
  return result
}

const errorText = (error: unknown): string => {
  if (error instanceof ValidationError) {
    const fields = (error.data?.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ')
    return fields || error.message
  }
  return error instanceof Error ? error.message : String(error)
}

const slugError = (error: unknown) => error instanceof ValidationError && (error.data?.errors ?? []).some((e) => e.path === 'slug')
/** The slug rule's own words, without its advice to the person typing. */
const slugErrorText = (error: unknown) =>
  ((error instanceof ValidationError ? error.data?.errors?.find((e) => e.path === 'slug')?.message : '') ?? '').replace(/\s*Choose another slug.*$/s, '')

/** A collection's documents, one of them, as the report's notes name it. */
const SINGULAR: Partial<Record<CollectionSlug, string>> = { articles: 'article', pages: 'page', categories: 'category', tags: 'tag', authors: 'author', media: 'image', comments: 'comment' }

/** The first rule a comment breaks (src/comments/validate, as the collection checks it), or null. */
function commentProblem(data: { authorName: string; authorEmail: string; authorUrl: string | null; body: string }): string | null {
  for (const field of ['authorName', 'authorEmail', 'authorUrl', 'body'] as const) {
    if (field === 'authorUrl' && !data.authorUrl) continue
    const verdict = fieldRules[field](data[field])
    if (verdict !== true) return `${field}: ${verdict}`
  }
  return null
}

/** Collections served at /{slug}: their slugs may not take a route the site owns. */
const TOP_LEVEL = new Set<string>(['categories', 'pages'])

export async function importWordPress({ payload, file, mediaFrom = null, dryRun = false, fetchMedia = true, ownSqliteConnection = false, conversionWorker = null, publicMediaOnly = false, onProgress = () => undefined }: ImportArgs): Promise<ImportReport> {
  const report = new ImportReport()
  const progress = (phase: ImportPhase, done: number, total: number) => onProgress({ phase, done, total })

  // 1. The scan: the whole file is checked before anything is written.
  progress('scanning', 0, 0)
  const found = await scan(file, (done) => progress('scanning', done, 0))
  const site = found.siteId
  const bulk = bulkWriter(payload)
  if (bulk && ownSqliteConnection && !dryRun) await bulk.relaxSqliteSync()
  // On the command line's own SQLite connection, items share commits (bulkWrites.sqliteTransaction).
  const sharedCommits = bulk && ownSqliteConnection && !dryRun ? bulk.startBatch() : null

  // What earlier runs imported from this site.
  const sources = new Map<string, SourceRow>()
  const keyOf = (kind: string, id: string) => `${site}|${kind}|${id}`
  for (let page = 1; ; page += 1) {
    const rows = await payload.find({ collection: 'import-sources', where: { site: { equals: site } }, limit: 5000, page, depth: 0, overrideAccess: true, sort: 'id' })
    for (const row of rows.docs) sources.set(row.key, { rowId: String(row.id), documentId: row.documentId, checksum: row.checksum ?? null })
    if (!rows.hasNextPage) break
  }
  const documentOf = (kind: string, id: string) => sources.get(keyOf(kind, id))?.documentId ?? null

  const expire = new Set<string>([cacheTag.latest, cacheTag.sitemap, cacheTag.redirects])
  const editorConfigs = new Map<CollectionSlug, SanitizedServerEditorConfig>()
  const editorConfig = (collection: CollectionSlug) => {
    const existing = editorConfigs.get(collection)
    if (existing) return existing
    const config = contentEditorOf(payload.collections[collection]?.config)
    editorConfigs.set(collection, config)
    return config
  }
  const conversions = conversionWorker ? inWorker(editorConfig, conversionWorker, (message) => payload.logger.warn(message)) : inThread(editorConfig)

  /**
   * Runs one item's writes in a transaction of its own. Its bookkeeping and its counts join the
   * run's only when it commits, so a rolled-back item leaves no trace in either.
   */
  async function inTransaction<T>(task: (tx: Transaction) => Promise<T>): Promise<T> {
    const req = await createLocalReq({ context: { ...CONTEXT } }, payload)
    const rows: [string, SourceRow][] = []
    const counts: [Outcome, ReportType][] = []
    const tx: Transaction = { req, remember: (key, row) => void rows.push([key, row]), count: (outcome, type) => void counts.push([outcome, type]) }
    const run = async (transactionID: string | number | null) => {
      if (transactionID !== null) req.transactionID = transactionID
      return task(tx)
    }
    const inDatabase = () => inDatabaseTransaction(payload, run)
    const result = dryRun ? await run(null) : bulk && ownSqliteConnection ? await bulk.sqliteTransaction(inDatabase) : await inDatabase()
    for (const [key, row] of rows) sources.set(key, row)
    for (const [outcome, type] of counts) report.count(outcome, type)
    return result
  }

  const base = (req: PayloadRequest) => ({ req, overrideAccess: true, depth: 0, context: { ...CONTEXT } }) as const

  /**
   * Each collection's slugs and whose they are, read once and kept as the run writes: asking the
   * database per item searched every article version on SQLite (its planner takes the `latest`
   * index for "latest version with this slug"), which made a 10,000-post run quadratic. The
   * database still has the last word: a slug taken meanwhile (an editor saving during an import
   * from the admin screen) fails the write, and the item is tried with the next suffix.
   */
  const slugOwners = new Map<CollectionSlug, Map<string, string>>()
  /** A dry run's slugs by the id it would have written: what its redirects and addresses name. */
  const plannedSlugs = new Map<string, string>()
  async function slugsOf(collection: CollectionSlug): Promise<Map<string, string>> {
    const known = slugOwners.get(collection)
    if (known) return known
    const owners = new Map<string, string>()
    const { docs } = await payload.find({ collection, pagination: false, draft: true, depth: 0, overrideAccess: true, select: { slug: true } })
    for (const doc of docs as unknown as { id: string | number; slug?: string | null }[]) if (doc.slug) owners.set(doc.slug, String(doc.id))
    slugOwners.set(collection, owners)
    return owners
  }

  /** A slug nobody else has: WordPress's own when it is free, else with -2, -3… and a note. */
  async function freeSlug(collection: CollectionSlug, wanted: string, ownId: string | null, taken: Set<string>) {
    const owners = await slugsOf(collection)
    for (let n = 1; n < 1000; n += 1) {
      const candidate = n === 1 ? wanted : `${wanted.slice(0, 90)}-${n}`
      if (taken.has(candidate)) continue
      if (TOP_LEVEL.has(collection) && RESERVED_SLUGS.has(candidate)) continue
      const owner = owners.get(candidate)
      if (!owner || owner === ownId) return candidate
    }
    return `${wanted.slice(0, 80)}-${Date.now()}`
  }

  type Upsert = {
    tx: Transaction
    kind: string
    sourceId: string
    type: ReportType
    collection: CollectionSlug
    data: Record<string, unknown>
    sum: string
    /** Whether the data carries a slug that must be free (suffixed on collision). */
    slug?: string
    draft?: boolean
    file?: { data: Buffer; mimetype: string; name: string; size: number }
  }

  /** Creates or updates one document and remembers it; unchanged sources are left alone. */
  async function upsert({ tx, kind, sourceId, type, collection, data, sum, slug, draft, file }: Upsert): Promise<{ id: string; outcome: Outcome; doc: Record<string, unknown> | null; slug?: string }> {
    const { req } = tx
    const key = keyOf(kind, sourceId)
    const known = sources.get(key)
    if (known && known.checksum === sum) {
      tx.count('unchanged', type)
      return { id: known.documentId, outcome: 'unchanged', doc: null }
    }
    let ownId = known?.documentId ?? null
    if (ownId && !dryRun) {
      const still = await payload.find({ ...base(req), collection, where: { id: { equals: ownId } }, limit: 1, pagination: false, draft: true, select: {} })
      if (still.docs.length === 0) ownId = null
    }
    const taken = new Set<string>()
    let attempt = slug
    /** Why the collection refused WordPress's own slug, in its words, when it did. */
    let refused: string | null = null
    const noteSlug = () => {
      if (!slug || !attempt || attempt === slug) return
      const why = refused ?? (TOP_LEVEL.has(collection) && RESERVED_SLUGS.has(slug) ? 'is one of Byline’s own addresses' : `is already used by another ${SINGULAR[collection] ?? 'document'}`)
      report.note(type, sourceId, notes.slugSuffix(slug, attempt, why))
    }
    for (;;) {
      if (slug) attempt = await freeSlug(collection, attempt ?? slug, ownId, taken)
      const values = slug ? { ...data, slug: attempt } : data
      if (dryRun) {
        noteSlug()
        // Remembered as if written, so replies, links and redirects to it are counted as they would be.
        const id = ownId ?? `dry-run:${key}`
        if (slug && attempt) {
          ;(await slugsOf(collection)).set(attempt, id)
          plannedSlugs.set(id, attempt)
        }
        tx.remember(key, { rowId: known?.rowId ?? id, documentId: id, checksum: sum })
        tx.count(ownId ? 'updated' : 'created', type)
        return { id, outcome: ownId ? 'updated' : 'created', doc: null, slug: attempt }
      }
      try {
        const doc = ownId
          ? await payload.update({ ...base(req), collection, id: ownId, data: values, draft })
          : collection === 'articles' && bulk
            ? // New articles, most of a run, below the Local API (./bulkWrites.ts says what runs).
              await bulk.article(req, values)
            : await payload.create({ ...base(req), collection, data: values, draft, file })
        const id = String(doc.id)
        if (slug && attempt) (await slugsOf(collection)).set(attempt, id)
        const rowId = await saveSource(req, known, { key, site, kind, sourceId, target: collection, documentId: id, checksum: sum })
        tx.remember(key, { rowId, documentId: id, checksum: sum })
        tx.count(ownId ? 'updated' : 'created', type)
        noteSlug()
        return { id, outcome: ownId ? 'updated' : 'created', doc: doc as unknown as Record<string, unknown> }
      } catch (error) {
        // A slug the collection's own rules refuse (a page taking a category's address): try the next one.
        if (slug && attempt && slugError(error) && taken.size < 20) {
          if (attempt === slug) refused = `was refused (${slugErrorText(error)})`
          taken.add(attempt)
          continue
        }
        throw error
      }
    }
  }

  /** The bookkeeping row of one imported document: new rows in one statement where the database allows. */
  async function saveSource(req: PayloadRequest, known: SourceRow | undefined, row: SourceRowInsert): Promise<string> {
    if (known) {
      await payload.update({ ...base(req), collection: 'import-sources', id: known.rowId, data: row })
      return known.rowId
    }
    if (bulk) {
      const id = bulk.newId()
      await bulk.sources(req, [{ ...row, id }])
      return id
    }
    return String((await payload.create({ ...base(req), collection: 'import-sources', data: row })).id)
  }

  // 2a. People and terms.
  const authorIds = new Map<string, string>()
  const categoryIds = new Map<string, string>()
  /** Byline category id → its slug as saved (possibly suffixed): article addresses start with it. */
  const categorySlugById = new Map<string, string>()
  const tagIds = new Map<string, string>()
  const termTotal = found.authors.size + found.categories.length + found.tags.length
  let termsDone = 0
  const termStep = () => progress('people and terms', (termsDone += 1), termTotal)

  for (const author of found.authors.values()) {
    try {
      const result = await inTransaction((tx) =>
        upsert({
          tx,
          kind: kinds.author,
          sourceId: author.login,
          type: 'authors',
          collection: 'authors',
          data: { name: decodeEntities(author.displayName || author.login).slice(0, 100), bio: author.description ? decodeEntities(author.description).slice(0, 500) : undefined },
          slug: bylineSlug(author.login, author.displayName),
          sum: checksum(author),
        }),
      )
      authorIds.set(author.login, result.id)
      if (result.outcome !== 'unchanged') expire.add(cacheTag.author(result.id))
    } catch (error) {
      report.fail('author', author.login, errorText(error))
    }
    termStep()
  }

  const paths = categoryPaths(found.categories)
  const idToSlug = new Map(found.categories.filter((c) => c.termId).map((c) => [c.termId, c.slug]))
  for (const category of parentsFirst(found.categories)) {
    try {
      const parent = category.parent ? categoryIds.get(category.parent) : undefined
      const result = await inTransaction((tx) =>
        upsert({
          tx,
          kind: kinds.category,
          sourceId: category.slug,
          type: 'categories',
          collection: 'categories',
          data: { name: decodeEntities(category.name || category.slug).slice(0, 80), parent: parent ?? null },
          slug: bylineSlug(category.slug, category.name),
          sum: checksum([category, parent ?? null]),
        }),
      )
      categoryIds.set(category.slug, result.id)
      const saved = result.doc ?? (dryRun ? { slug: result.slug } : await payload.findByID({ collection: 'categories', id: result.id, depth: 0, overrideAccess: true, disableErrors: true }))
      if (saved && typeof saved.slug === 'string') categorySlugById.set(result.id, saved.slug)
      if (result.outcome !== 'unchanged') expire.add(cacheTag.categories)
    } catch (error) {
      report.fail('category', category.slug, errorText(error))
    }
    termStep()
  }

  /** A tag by WordPress slug, made when first needed (a post's extra category becomes one). */
  async function ensureTag(term: Pick<WxrTerm, 'slug' | 'name' | 'description'>): Promise<string | null> {
    const existing = tagIds.get(term.slug)
    if (existing) return existing
    try {
      const result = await inTransaction((tx) =>
        upsert({
          tx,
          kind: kinds.tag,
          sourceId: term.slug,
          type: 'tags',
          collection: 'tags',
          data: { name: decodeEntities(term.name || term.slug).slice(0, 80), description: term.description ? decodeEntities(term.description).slice(0, 1000) : undefined },
          slug: bylineSlug(term.slug, term.name),
          sum: checksum([term.slug, term.name, term.description]),
        }),
      )
      tagIds.set(term.slug, result.id)
      if (result.outcome !== 'unchanged') expire.add(cacheTag.articleTag(result.id))
      return result.id
    } catch (error) {
      report.fail('tag', term.slug, errorText(error))
      return null
    }
  }
  for (const term of found.tags) {
    await ensureTag(term)
    termStep()
  }

  // 2b. Media: every attachment, and images in content that are not attachments.
  const failedMedia = new Map<string, string>()
  const seenMedia = new Set<string>()

  async function readMedia(url: string): Promise<{ data: Buffer; mimetype: string; name: string; size: number } | string> {
    const relative = uploadsPath(url)
    if (!relative) return mediaReasons.badUrl
    const extension = path.extname(relative).slice(1).toLowerCase()
    const mimetype = IMAGE_TYPES[extension]
    if (!mimetype) return mediaReasons.notImage(extension || 'no extension')
    const name = path.basename(relative)
    if (mediaFrom) {
      const root = path.resolve(mediaFrom)
      const candidate = path.resolve(root, relative)
      if (candidate.startsWith(`${root}${path.sep}`) && fs.existsSync(candidate)) {
        const data = await fs.promises.readFile(candidate)
        return { data, mimetype, name, size: data.length }
      }
    }
    if (!fetchMedia || !/^https?:\/\//i.test(url)) return mediaReasons.missing
    try {
      let response: Response | null = null
      // Redirects are followed by hand, so that each hop is checked like the first.
      for (let hop = 0, next = url; hop < MAX_REDIRECTS; hop += 1) {
        if (publicMediaOnly && !(await resolvesToPublic(next))) return mediaReasons.privateHost
        response = await fetch(next, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'manual' })
        const location = response.headers.get('location')
        if (response.status < 300 || response.status >= 400 || !location) break
        next = new URL(location, next).toString()
        response = null
      }
      if (!response?.ok) return mediaReasons.missing
      const data = Buffer.from(await response.arrayBuffer())
      if (data.length === 0 || data.length > MAX_MEDIA_BYTES) return mediaReasons.missing
      return { data, mimetype, name, size: data.length }
    } catch {
      return mediaReasons.missing // unreachable host, timeout: reported as one missing file
    }
  }

  /** One media document from a file address; null (and one report line per address) when it cannot be had. */
  async function importMedia({ kind, sourceId, url, alt, sum }: { kind: string; sourceId: string; url: string; alt: string; sum: string }): Promise<string | null> {
    const known = sources.get(keyOf(kind, sourceId))
    if (known && known.checksum === sum) {
      // Counted once, however many posts show it.
      if (!seenMedia.has(keyOf(kind, sourceId))) report.count('unchanged', 'media')
      seenMedia.add(keyOf(kind, sourceId))
      return known.documentId
    }
    if (failedMedia.has(url)) return null
    const file = known ? undefined : await readMedia(url)
    if (typeof file === 'string') {
      failedMedia.set(url, file)
      report.skip('media', url, file)
      return null
    }
    try {
      const result = await inTransaction((tx) =>
        upsert({ tx, kind, sourceId, type: 'media', collection: 'media', data: { alt: (alt || path.basename(uploadsPath(url) ?? url)).slice(0, 300) }, sum, file }),
      )
      expire.add(cacheTag.media)
      seenMedia.add(keyOf(kind, sourceId))
      return result.id
    } catch (error) {
      failedMedia.set(url, errorText(error))
      report.fail('media', sourceId, errorText(error))
      return null
    }
  }

  const attachmentMedia = async (id: string) => {
    const attachment = found.attachments.get(id)
    if (!attachment) return null
    if (!IMAGE_TYPES[path.extname(uploadsPath(attachment.url) ?? '').slice(1).toLowerCase()]) return null
    return importMedia({ kind: kinds.media, sourceId: id, url: attachment.url, alt: attachment.alt || attachment.title, sum: attachment.checksum })
  }

  let mediaDone = 0
  for (const attachment of found.attachments.values()) {
    const extension = path.extname(uploadsPath(attachment.url) ?? '').slice(1).toLowerCase()
    if (!IMAGE_TYPES[extension]) report.skip('media', attachment.id, mediaReasons.notImage(extension || 'no extension'))
    else await attachmentMedia(attachment.id)
    progress('media', (mediaDone += 1), found.attachments.size)
  }

  async function resolveImage(image: ContentImage): Promise<string | null> {
    const attachmentId = (image.attachmentId && found.attachments.has(image.attachmentId) ? image.attachmentId : null) ?? found.attachmentByUrl.get(image.src) ?? found.attachmentByUrl.get(originalImageUrl(image.src))
    if (attachmentId) {
      const id = documentOf(kinds.media, attachmentId)
      if (id) return id
    }
    let url: string
    try {
      url = new URL(image.src, found.site.baseUrl || found.site.link || 'https://site.invalid').toString()
    } catch {
      return null
    }
    return importMedia({ kind: kinds.mediaUrl, sourceId: url, url, alt: image.alt || image.caption, sum: checksum([url, image.alt]) })
  }

  // Addresses of the things imported, for internal links and redirects.
  const pagePaths = new Map<string, string>()
  const categoryPath = (slug: string) => categoryHref(slug)
  const articlePaths = new Map<string, string>()
  const pendingLinks = new Set<string>()

  function linkResolver(itemId: string) {
    return (url: string): LinkTarget => {
      const key = pathKey(url, found.host)
      if (!key) return null
      const postId = found.postByPath.get(key)
      if (postId) {
        const target = found.posts.get(postId)
        if (!target) return null
        if (target.type === 'post') {
          const id = documentOf(kinds.post, postId)
          if (id) return { relationTo: 'articles', value: id }
        } else {
          const pagePath = pagePaths.get(postId)
          if (pagePath) return { url: pagePath }
        }
        // Written later in the file: fixed once everything is in.
        if (['publish', 'future', 'draft', 'pending', 'private'].includes(target.status)) pendingLinks.add(itemId)
        return null
      }
      const base = basePath(found.site)
      const local = base && key.startsWith(`${base}/`) ? key.slice(base.length) : key
      const segments = local.split('?')[0]?.split('/').filter(Boolean) ?? []
      if (segments[0] === 'category' && segments.length > 1) {
        const slug = segments.at(-1) ?? ''
        return categoryIds.has(slug) ? { url: categoryPath(slug) } : null
      }
      if (segments[0] === 'tag' && segments[1] && tagIds.has(segments[1])) return { url: `/tag/${segments[1]}` }
      if (segments[0] === 'author' && segments[1]) {
        const login = [...found.authors.keys()].find((l) => bylineSlug(l, l) === segments[1])
        if (login && authorIds.has(login)) return { url: authorHref(bylineSlug(login, login)) }
      }
      return null
    }
  }

  // 2c. Posts and pages, each with its comments.
  const pageParents: { pageId: string; parentWpId: string; wpId: string }[] = []
  /** A dry run's pages as they would be written (slug, Byline parent), for their addresses. */
  const plannedPages = new Map<string, { slug: string; parent: string | null }>()
  const scheduled: { articleId: string; at: string }[] = []
  const total = [...found.posts.values()].length
  let postsDone = 0

  /**
   * What an item was imported from: its own fields (not its comments, which have their own) and,
   * when it shows reusable blocks, their content, so that a changed block brings the post again.
   */
  const itemChecksum = (item: WxrItem) => {
    const { comments: _comments, ...source } = item
    const inlined = inlineReusableBlocks(item.content, found.reusableBlocks)
    return inlined === item.content ? checksum(source) : checksum([source, inlined])
  }
  /** Whether an item's content will be converted: it is imported, and new or changed since the last run. */
  const needsConversion = (item: WxrItem) =>
    !('skip' in planPost(item)) && sources.get(keyOf(item.type === 'post' ? kinds.post : kinds.page, item.id))?.checksum !== itemChecksum(item)
  const convertItem = (item: WxrItem) => conversions.convert(item.type === 'post' ? 'articles' : 'pages', inlineReusableBlocks(item.content, found.reusableBlocks), item.id)

  async function writeItem(item: WxrItem, body: Promise<ConvertedBody> | null) {
    const plan = planPost(item)
    const kind = item.type === 'post' ? kinds.post : kinds.page
    const type: ReportType = item.type === 'post' ? 'articles' : 'pages'
    if ('skip' in plan) {
      report.skip(item.type, item.id, plan.skip)
      return
    }
    if (plan.note) report.note(item.type, item.id, plan.note)
    const { comments } = item
    const sum = itemChecksum(item)
    const known = sources.get(keyOf(kind, item.id))
    let articleId: string | null = null
    if (known && known.checksum === sum) {
      report.count('unchanged', type)
      articleId = known.documentId
      if (item.type === 'page') pagePaths.set(item.id, await pagePathOf(item.id))
    } else {
      const converted = await settleBody(await (body ?? convertItem(item)), { resolveImage, resolveLink: linkResolver(item.id) })
      if (Object.keys(converted.unrepresentable).length > 0) report.note(item.type, item.id, notes.keptAsText(converted.unrepresentable))
      const title = decodeEntities(item.title).slice(0, 200) || `Untitled ${item.type} ${item.id}`
      const excerpt = item.excerpt ? commentText(item.excerpt).slice(0, 400) : undefined
      const metaDescription = item.meta._yoast_wpseo_metadesc ? decodeEntities(item.meta._yoast_wpseo_metadesc).slice(0, 300) : undefined
      const slug = bylineSlug(item.slug.replace(/__trashed$/, ''), item.title, `${item.type}-${item.id}`)
      if (item.type === 'post') {
        const choice = chooseCategory(item, idToSlug)
        const category = choice.category ? categoryIds.get(choice.category) : undefined
        if (!category) {
          report.skip('post', item.id, reasons.noCategory)
          return
        }
        if (choice.extraCategories.length > 0) report.note('post', item.id, notes.extraCategories(choice.extraCategories, choice.category ?? ''))
        const tags: string[] = []
        for (const slugOfTag of choice.tags) {
          const term = found.tags.find((t) => t.slug === slugOfTag)
          const id = await ensureTag(term ?? { slug: slugOfTag, name: slugOfTag, description: '' })
          if (id) tags.push(id)
        }
        for (const extra of choice.extraCategories) {
          const term = found.categories.find((c) => c.slug === extra)
          const id = await ensureTag({ slug: extra, name: term?.name ?? extra, description: term?.description ?? '' })
          if (id && !tags.includes(id)) tags.push(id)
        }
        const author = authorIds.get(item.creator || '') ?? authorIds.values().next().value
        if (!author) throw new Error(reasons.noAuthor(item.creator))
        const heroImage = item.meta._thumbnail_id ? await attachmentMedia(item.meta._thumbnail_id.trim()) : null
        const result = await inTransaction(async (tx) => {
          const { req } = tx
          const saved = await upsert({
            tx,
            kind,
            sourceId: item.id,
            type,
            collection: 'articles',
            draft: plan.status === 'draft',
            slug,
            sum,
            data: {
              title,
              excerpt,
              content: converted.content,
              featured: false,
              cast: [],
              category,
              authors: [author],
              tags,
              pinned: item.sticky,
              heroImage: heroImage ?? null,
              publishedAt: plan.publishedAt ?? undefined,
              commentsOpen: item.commentStatus !== 'closed',
              _status: plan.status,
              ...(plan.review ? { review: { state: plan.review } } : {}),
              ...(metaDescription ? { meta: { description: metaDescription } } : {}),
            },
          })
          if (plan.scheduleAt && saved.outcome !== 'unchanged' && !dryRun) {
            // Published by the jobs queue at its time, as an editor's schedule would be.
            await payload.delete({ ...base(req), collection: 'payload-jobs', where: { and: [{ 'input.doc.value': { equals: saved.id } }, { completedAt: { exists: false } }] } })
            await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'articles', value: saved.id } }, waitUntil: new Date(plan.scheduleAt), req })
            scheduled.push({ articleId: saved.id, at: plan.scheduleAt })
          }
          return saved
        })
        articleId = result.id
        const categorySlug = categorySlugById.get(category)
        const savedSlug = result.doc?.slug ?? result.slug
        if (typeof savedSlug === 'string' && categorySlug) articlePaths.set(item.id, articleHref({ categorySlug, slug: savedSlug }))
        if (result.doc) for (const t of articleTags(result.doc)) expire.add(t)
      } else {
        const { parent: parentWpId, note: parentNote } = pageParentOf(item)
        if (parentNote) report.note('page', item.id, parentNote)
        const parentId = parentWpId ? documentOf(kinds.page, parentWpId) : null
        const result = await inTransaction((tx) =>
          upsert({
            tx,
            kind,
            sourceId: item.id,
            type,
            collection: 'pages',
            draft: plan.status === 'draft',
            slug,
            sum,
            data: {
              title,
              content: converted.content,
              parent: parentId ?? null,
              _status: plan.status,
              ...(metaDescription ? { meta: { description: metaDescription } } : {}),
            },
          }),
        )
        if (parentWpId && !parentId) pageParents.push({ pageId: result.id, parentWpId, wpId: item.id })
        if (dryRun && result.slug) plannedPages.set(item.id, { slug: result.slug, parent: parentWpId })
        pagePaths.set(item.id, await pagePathOf(item.id))
        if (result.doc) for (const t of pageTags(result.doc)) expire.add(t)
      }
    }
    if (item.type === 'post' && articleId) {
      if (!articlePaths.has(item.id)) {
        const path = await articlePathOf(articleId)
        if (path) articlePaths.set(item.id, path)
      }
      await writeComments(item, articleId)
    } else if (comments.length > 0) {
      for (const comment of comments) report.skip('comment', comment.id, 'comments on pages have no place in Byline')
    }
  }

  /**
   * The WordPress page a page goes under, and a note when that is not its WordPress parent. Byline
   * pages nest one level (/{parent}/{child}), so a page deeper in a WordPress tree goes under its
   * top-level ancestor. A published page under an unpublished one would have no public address
   * (readers reach a child through its parent), so it goes to the top level. Either way its old
   * address redirects. A page under itself keeps that parent, and the collection refuses it.
   */
  function pageParentOf(item: Pick<WxrItem, 'id' | 'parent' | 'status'>): { parent: string | null; note: string | null } {
    if (!item.parent || item.parent === '0') return { parent: null, note: null }
    const ancestors: string[] = []
    const seen = new Set([item.id])
    for (let cursor: string | undefined = item.parent; cursor && cursor !== '0' && !seen.has(cursor); cursor = found.posts.get(cursor)?.parent) {
      if (found.posts.get(cursor)?.type !== 'page') break
      ancestors.push(cursor)
      seen.add(cursor)
    }
    const parent = ancestors.length >= 2 ? (ancestors.at(-1) ?? item.parent) : item.parent
    const parentPost = found.posts.get(parent)
    if (item.status === 'publish' && parentPost && parentPost.status !== 'publish') return { parent: null, note: notes.pageUnderUnpublished(parentPost.slug || parent) }
    return { parent, note: parent === item.parent ? null : notes.pageFlattened(parentPost?.slug ?? parent) }
  }

  async function articlePathOf(articleId: string): Promise<string | null> {
    if (dryRun) return null
    const doc = await payload.findByID({ collection: 'articles', id: articleId, depth: 1, draft: true, overrideAccess: true, select: { slug: true, category: true }, disableErrors: true })
    const category = doc?.category
    return doc && category && typeof category === 'object' ? articleHref({ categorySlug: category.slug, slug: doc.slug }) : null
  }

  /** A page's Byline address, from the parents it has in Byline (which may differ from WordPress's: see pageParentOf). */
  async function pagePathOf(wpId: string): Promise<string> {
    if (dryRun) {
      // What the run would write: the page's slug under its parent's, when that is in the file.
      const page = plannedPages.get(wpId)
      const parent = page?.parent ? plannedPages.get(page.parent) : undefined
      return `/${[parent?.slug, page?.slug].filter(Boolean).join('/')}`
    }
    const segments: string[] = []
    const seen = new Set<string>()
    for (let id = dryRun ? null : documentOf(kinds.page, wpId); id && !seen.has(id) && segments.length < 20; ) {
      seen.add(id)
      const doc = (await payload.findByID({ collection: 'pages', id, depth: 0, draft: true, overrideAccess: true, disableErrors: true })) as { slug?: string; parent?: unknown } | null
      if (!doc?.slug) break
      segments.unshift(doc.slug)
      id = relationId(doc.parent as string | { id: string } | null | undefined)
    }
    return `/${segments.join('/')}`
  }

  async function writeComments(item: WxrItem, articleId: string) {
    const ordered = threadOrder(item.comments)
    const wanted: WxrComment[] = []
    for (const comment of ordered) {
      if (isLinkNotice(comment)) report.skip('comment', comment.id, reasons.pingback(comment.type))
      else wanted.push(comment)
    }
    if (wanted.length === 0) return
    for (const comment of wanted) {
      const length = commentText(comment.content).length
      if (length > LIMITS.body) report.note('comment', comment.id, notes.commentCut(length, LIMITS.body))
    }
    const dataOf = (comment: WxrComment, parent: string | null) => ({
      article: articleId,
      parent,
      authorName: decodeEntities(comment.author).slice(0, LIMITS.authorName) || 'Anonymous',
      authorEmail: /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(comment.email) ? comment.email.slice(0, LIMITS.authorEmail) : NO_EMAIL,
      // Stored exactly as WordPress wrote it, so it must pass both the stricter shape (isHttpUrl passes
      // `http:x` and `http://x/a b`) and the comment rules' own check (a shape like `http://[x` does not
      // parse); any other website is left out and the comment imported without it.
      authorUrl: /^https?:\/\/\S+$/i.test(comment.url) && isHttpUrl(comment.url) && comment.url.length <= LIMITS.authorUrl ? comment.url : null,
      body: commentText(comment.content).slice(0, LIMITS.body) || '…',
      status: commentStatus(comment.approved),
      createdAt: wordpressDate(comment) ?? new Date().toISOString(),
      // The address itself is never stored: the same salted hash the comment form keeps.
      ipHash: comment.ip ? hashIp({ ip: comment.ip, secret: payload.secret }) : null,
    })
    const sumOf = (comment: WxrComment, parent: string | null) => checksum([comment, articleId, parent])
    const write = (tx: Transaction, comment: WxrComment, parents: Map<string, string>) => {
      const parent = parents.get(comment.parent) ?? documentOf(kinds.comment, comment.parent)
      return upsert({ tx, kind: kinds.comment, sourceId: comment.id, type: 'comments', collection: 'comments', sum: sumOf(comment, parent), data: dataOf(comment, parent) })
    }
    if (bulk && !dryRun) {
      // New comments in one statement with their bookkeeping; changed ones through the Local API.
      const refused: { id: string; reason: string }[] = []
      try {
        await inTransaction(async (tx) => {
          const written = new Map<string, string>()
          const rows: CommentRow[] = []
          const bookkeeping: (SourceRowInsert & { id: string })[] = []
          for (const comment of wanted) {
            const key = keyOf(kinds.comment, comment.id)
            const known = sources.get(key)
            const parent = written.get(comment.parent) ?? documentOf(kinds.comment, comment.parent)
            const sum = sumOf(comment, parent)
            if (known && known.checksum === sum) {
              tx.count('unchanged', 'comments')
              written.set(comment.id, known.documentId)
              continue
            }
            const data = dataOf(comment, parent)
            const problem = commentProblem(data)
            if (problem) {
              refused.push({ id: comment.id, reason: problem })
              continue
            }
            if (known) {
              written.set(comment.id, (await write(tx, comment, written)).id)
              continue
            }
            const id = bulk.newId()
            const rowId = bulk.newId()
            written.set(comment.id, id)
            rows.push({ id, ...data })
            bookkeeping.push({ id: rowId, key, site, kind: kinds.comment, sourceId: comment.id, target: 'comments', documentId: id, checksum: sum })
            tx.remember(key, { rowId, documentId: id, checksum: sum })
            tx.count('created', 'comments')
          }
          await bulk.comments(tx.req, rows)
          await bulk.sources(tx.req, bookkeeping)
        })
        for (const { id, reason } of refused) report.fail('comment', id, reason)
        expire.add(cacheTag.comments(articleId))
        return
      } catch {
        // Something the checks did not foresee: the thread is written again below, comment by comment.
      }
    }
    // One transaction for the thread; if any comment fails, each is written alone so only the bad one is lost.
    const parents = new Map<string, string>()
    try {
      await inTransaction(async (tx) => {
        const local = new Map<string, string>()
        for (const comment of wanted) {
          const saved = await write(tx, comment, local)
          local.set(comment.id, saved.id)
          if (saved.doc) for (const t of commentTags(saved.doc)) expire.add(t)
        }
        for (const [id, doc] of local) parents.set(id, doc)
      })
    } catch {
      for (const comment of wanted) {
        try {
          const saved = await inTransaction((tx) => write(tx, comment, parents))
          parents.set(comment.id, saved.id)
          if (saved.doc) for (const t of commentTags(saved.doc)) expire.add(t)
        } catch (error) {
          report.fail('comment', comment.id, errorText(error))
        }
      }
    }
  }

  // Items are read a few ahead of the writes, so that their conversion (in the worker, on the
  // command line) runs while the item before them is written.
  const ahead: { item: WxrItem; body: Promise<ConvertedBody> | null }[] = []
  const writeNext = async () => {
    const next = ahead.shift()
    if (!next) return
    try {
      await writeItem(next.item, next.body)
    } catch (error) {
      report.fail(next.item.type, next.item.id, errorText(error))
    }
    postsDone += 1
    if (postsDone % PROGRESS_EVERY === 0 || postsDone === total) progress('posts', postsDone, total)
  }
  try {
    for await (const record of readWxr(file)) {
      if (record.kind !== 'item') continue
      const { item } = record
      if (item.type === 'attachment') continue
      if (!(item.type in IMPORTED_TYPES)) {
        report.skip(item.type || 'item', item.id, reasons.postType(item.type))
        continue
      }
      const body = needsConversion(item) ? convertItem(item) : null
      // Its failure is the item's, reported when the item is written.
      body?.catch(() => undefined)
      ahead.push({ item, body })
      if (ahead.length > CONVERSIONS_AHEAD) await writeNext()
    }
    while (ahead.length > 0) await writeNext()
  } finally {
    await conversions.close()
  }

  // 3. What pointed forward in the file: page parents, then links to later posts and pages.
  for (const { pageId, parentWpId, wpId } of pageParents) {
    const parentId = documentOf(kinds.page, parentWpId)
    if (!parentId || dryRun) continue
    try {
      // Its address under the top level was never public in WordPress: no redirect from it (collections/Pages/hooks/redirectOldUrl.ts).
      await inTransaction(({ req }) => payload.update({ ...base(req), collection: 'pages', id: pageId, data: { parent: parentId }, context: { ...CONTEXT, placingImportedPage: true } }))
      pagePaths.set(wpId, await pagePathOf(wpId))
    } catch (error) {
      report.fail('page', wpId, errorText(error))
    }
  }
  if (pendingLinks.size > 0 && !dryRun) {
    let linksDone = 0
    for await (const record of readWxr(file)) {
      if (record.kind !== 'item' || !pendingLinks.has(record.item.id)) continue
      const { item } = record
      const collection = (item.type === 'post' ? 'articles' : 'pages') as CollectionSlug
      const id = documentOf(item.type === 'post' ? kinds.post : kinds.page, item.id)
      if (!id) continue
      try {
        const converted = await settleBody(await inThread(editorConfig).convert(collection, inlineReusableBlocks(item.content, found.reusableBlocks), item.id), { resolveImage, resolveLink: linkResolver(item.id) })
        const plan = planPost(item)
        await inTransaction(({ req }) => payload.update({ ...base(req), collection, id, data: { content: converted.content }, draft: !('skip' in plan) && plan.status === 'draft' }))
      } catch (error) {
        report.fail(item.type, item.id, errorText(error))
      }
      progress('links', (linksDone += 1), pendingLinks.size)
    }
  }

  // 4. Old addresses → Byline addresses, 301.
  progress('redirects', 0, 0)
  await writeRedirects()

  /**
   * Whether Byline itself answers an old address: one of its own routes, a category's page, a
   * page or an article. Redirects are looked up before routing, so a redirect from such an
   * address (a WordPress page called "search", a post whose permalink was /politics/ beside the
   * category politics) would hide the live page; it is reported instead.
   */
  async function bylineAddresses(): Promise<(key: string) => Promise<string | null>> {
    const slugs = async (collection: 'categories' | 'pages') =>
      (await payload.find({ collection, pagination: false, depth: 1, draft: true, overrideAccess: true, select: { slug: true, ...(collection === 'pages' ? { parent: true } : {}) } })).docs as unknown as { slug: string; parent?: { slug?: string } | null }[]
    // The database's, and in a dry run also what the run would have written by now.
    const categories = new Set([...(await slugs('categories')).map((c) => c.slug), ...(dryRun ? categorySlugById.values() : [])])
    const pages = new Set([...(await slugs('pages')).map((p) => (p.parent?.slug ? `/${p.parent.slug}/${p.slug}` : `/${p.slug}`)), ...(dryRun ? pagePaths.values() : [])])
    const plannedArticles = new Set(dryRun ? articlePaths.values() : [])
    return async (key) => {
      if (key.includes('?')) return null
      const segments = key.split('/').filter(Boolean)
      const [first = '', second] = segments
      if (segments.length === 1 && RESERVED_SLUGS.has(first) && !FEED_ADDRESSES.has(first)) return 'one of its own pages'
      if (segments.length === 1 && categories.has(first)) return 'a category'
      if (pages.has(key)) return 'a page'
      if (plannedArticles.has(key)) return 'an article'
      if (segments.length === 2 && second && categories.has(first)) {
        const { totalDocs } = await payload.count({ collection: 'articles', where: { slug: { equals: second } }, overrideAccess: true })
        if (totalDocs > 0) return 'an article'
      }
      return null
    }
  }

  async function writeRedirects() {
    const existing = new Map<string, string>()
    for (let page = 1; ; page += 1) {
      const rows = await payload.find({ collection: 'redirects', limit: 5000, page, depth: 0, overrideAccess: true, sort: 'id' })
      for (const row of rows.docs as unknown as { from: string; to?: { type?: string; url?: string | null; reference?: { value?: unknown } | null } }[]) {
        existing.set(normalizeFrom(row.from), JSON.stringify(row.to?.type === 'reference' ? { ref: relationId(row.to.reference?.value) } : { url: row.to?.url }))
      }
      if (!rows.hasNextPage) break
    }
    const planned: RedirectRow[] = []
    const served = await bylineAddresses()
    const add = async (from: string, to: { reference: { relationTo: 'articles' | 'pages'; value: string } } | { url: string }, label: string) => {
      const key = normalizeFrom(from)
      const target = 'url' in to ? to.url : null
      if (!key || key === '/' || (target && normalizeFrom(target) === key)) return
      const owner = await served(key)
      if (owner) {
        report.skip('redirect', from, reasons.servedHere(key, owner))
        return
      }
      const wanted = JSON.stringify('url' in to ? { url: to.url } : { ref: to.reference.value })
      const current = existing.get(key)
      if (current === wanted) {
        report.count('unchanged', 'redirects')
        return
      }
      if (current !== undefined) {
        report.skip('redirect', from, `an existing redirect already sends ${from} elsewhere; kept as it is (${label})`)
        return
      }
      existing.set(key, wanted)
      planned.push({ from, to: 'url' in to ? to : { relationTo: to.reference.relationTo, value: to.reference.value } })
    }
    /** Writes the planned redirects, many per transaction; a batch that fails is retried one by one. */
    const flush = async () => {
      const batch = planned.splice(0, planned.length)
      if (batch.length === 0) return
      if (dryRun) {
        for (let i = 0; i < batch.length; i += 1) report.count('created', 'redirects')
        return
      }
      if (bulk) {
        try {
          const refused = await inTransaction(async (tx) => {
            const result = await bulk.redirects(tx.req, batch)
            for (let i = 0; i < batch.length - result.length; i += 1) tx.count('created', 'redirects')
            return result
          })
          for (const { from, reason } of refused) report.fail('redirect', from, reason)
          return
        } catch {
          // One of them broke a rule the checks did not foresee: each is written alone below.
        }
      }
      for (const row of batch) {
        try {
          await inTransaction(({ req }) =>
            payload.create({
              ...base(req),
              collection: 'redirects',
              data: { from: row.from, type: '301', to: 'url' in row.to ? { type: 'custom', url: row.to.url } : { type: 'reference', reference: row.to } },
            }),
          )
          report.count('created', 'redirects')
        } catch (error) {
          report.fail('redirect', row.from, errorText(error))
        }
      }
    }
    const oldAddressesHere = oldAddresses(basePath(found.site))
    let done = 0
    for (const [wpId, post] of found.posts) {
      const kind = post.type === 'post' ? kinds.post : kinds.page
      const id = documentOf(kind, wpId)
      if (!id) continue
      const addresses = post.type === 'post' ? oldAddressesHere.post({ id: wpId, link: post.link }) : oldAddressesHere.page({ id: wpId, link: post.link })
      const newPath = post.type === 'post' ? articlePaths.get(wpId) : pagePaths.get(wpId)
      for (const from of addresses) {
        if (newPath && normalizeFrom(from) === normalizeFrom(newPath)) continue
        await add(from, { reference: { relationTo: post.type === 'post' ? 'articles' : 'pages', value: id } }, `${post.type} ${wpId}`)
      }
      // Its comments are on its page now: a reader following the old comment feed lands on them.
      for (const from of oldAddressesHere.commentFeed(post)) await add(from, { reference: { relationTo: post.type === 'post' ? 'articles' : 'pages', value: id } }, `${post.type} ${wpId}'s comment feed`)
      if ((done += 1) % PROGRESS_EVERY === 0) {
        await flush()
        progress('redirects', done, found.posts.size)
      }
    }
    for (const [slug, path] of paths) {
      const id = categoryIds.get(slug)
      if (!id) continue
      const doc = dryRun ? { slug: plannedSlugs.get(id) } : await payload.findByID({ collection: 'categories', id, depth: 0, overrideAccess: true, disableErrors: true })
      for (const from of oldAddressesHere.category(path)) await add(from, { url: categoryHref(doc?.slug ?? slug) }, `category ${slug}`)
      for (const from of oldAddressesHere.categoryFeed(path)) await add(from, { url: `${categoryHref(doc?.slug ?? slug)}/feed.xml` }, `category ${slug}'s feed`)
    }
    for (const [slug, id] of tagIds) {
      const doc = dryRun ? { slug: plannedSlugs.get(id) } : ((await payload.findByID({ collection: 'tags', id, depth: 0, overrideAccess: true, disableErrors: true })) as { slug?: string } | null)
      for (const from of oldAddressesHere.tag(slug)) await add(from, { url: `/tag/${doc?.slug ?? slug}` }, `tag ${slug}`)
      for (const from of oldAddressesHere.tagFeed(slug)) await add(from, { url: `/tag/${doc?.slug ?? slug}/feed.xml` }, `tag ${slug}'s feed`)
    }
    for (const [login, id] of authorIds) {
      const doc = dryRun ? { slug: plannedSlugs.get(id) } : await payload.findByID({ collection: 'authors', id, depth: 0, overrideAccess: true, disableErrors: true })
      for (const from of oldAddressesHere.author(login)) await add(from, { url: authorHref(doc?.slug ?? bylineSlug(login, login)) }, `author ${login}`)
      for (const from of oldAddressesHere.authorFeed(login)) await add(from, { url: `${authorHref(doc?.slug ?? bylineSlug(login, login))}/feed.xml` }, `author ${login}'s feed`)
    }
    for (const from of oldAddressesHere.feed()) await add(from, { url: '/feed.xml' }, 'feed')
    // An attachment's page goes to the image itself, as WordPress (6.4 on) sends it; so does the
    // file's old address, so links to it from elsewhere keep working. Not images: nothing to go to.
    for (const attachment of found.attachments.values()) {
      const mediaId = documentOf(kinds.media, attachment.id)
      if (!mediaId) continue
      const file = await mediaFileUrl(mediaId, attachment)
      if (!file) continue
      const parent = found.posts.get(attachment.parent)
      for (const from of oldAddressesHere.attachment(attachment, parent?.link ?? null)) await add(from, { url: file }, `attachment ${attachment.id}`)
    }
    await flush()
  }

  /**
   * Where Byline serves an imported image's file, as a path when it is this site's (so a new domain
   * keeps it working). A dry run made no file: it counts the redirect to a stand-in address.
   */
  async function mediaFileUrl(id: string, attachment: Attachment): Promise<string | null> {
    if (dryRun) return `/api/media/file/wordpress-attachment-${attachment.id}`
    const doc = (await payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true, disableErrors: true })) as { url?: string | null } | null
    if (!doc?.url) return null
    const here = new URL(payload.config.serverURL || 'http://site.invalid')
    const url = new URL(doc.url, here)
    return url.origin === here.origin ? `${url.pathname}${url.search}` : doc.url
  }


  await sharedCommits?.finish()

  // 5. The reader site's pages expire once, for everything the run changed.
  if (!dryRun && report.failed.length + Object.values(report.created).reduce((a, b) => a + b, 0) + Object.values(report.updated).reduce((a, b) => a + b, 0) > 0) {
    // In chunks, so no request or log line carries tens of thousands of tags; a failure is one note, not the list.
    const tags = [...expire]
    const failures: string[] = []
    const logger = { error: (message: string) => void failures.push(message.replace(/\(([^)]{0,120})[^)]*\)/, '($1…)')), info: (message: string) => payload.logger.info(message) }
    try {
      for (let start = 0; start < tags.length; start += EXPIRE_CHUNK) {
        await expireTags(tags.slice(start, start + EXPIRE_CHUNK), { ...serverExpiry(payload), logger })
      }
    } catch (error) {
      // Everything is written by now: a cache that could not be told is a note, not a failed import.
      payload.logger.error({ err: error, msg: 'WordPress import: cached pages not expired' })
      failures.push(errorText(error))
    }
    if (failures.length > 0) report.note('site', 'cache', `${messages.staleCache} (${failures[0]})`)
  }
  progress('done', 1, 1)
  return report
}

const normalizeFrom = (value: string) => normalizeSource(value) ?? value
