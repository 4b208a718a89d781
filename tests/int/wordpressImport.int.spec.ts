import type { CollectionSlug, DataFromCollectionSlug, Payload } from 'payload'

import { createLocalReq } from 'payload'

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { ImportReport } from '@/import/wordpress/report'

import { ROLES } from '@/access/roles'
import { forgetAllRecords } from '@/cache/records'
import { inTransaction } from '@/db/belowPayload'
import { bulkWriter } from '@/import/wordpress/bulkWrites'
import { importWordPress } from '@/import/wordpress/importer'
import { WxrError } from '@/import/wordpress/wxr'
import { getArticle } from '@/lib/articles/article'
import { getApprovedComments } from '@/comments/thread'
import { hashIp } from '@/lib/ipAddress'
import { relationId } from '@/lib/relationId'
import { lookUpRedirect } from '@/redirects/table'

import type { Role } from '@/access/roles'

import type { StaffUser } from '../helpers/fixtures'

import { adapterName } from '../helpers/belowPayload'
import { cleanupStaff, seedStaff } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

// src/lib modules guard against client bundles with `server-only`, which throws outside Next's server build.
vi.mock('server-only', () => ({}))

const fixtures = path.resolve(import.meta.dirname, '../fixtures/wordpress')
const newsroom = path.join(fixtures, 'newsroom.xml')
const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const

/** Everything the import may write, emptied after the file: each test file leaves nothing behind. */
const IMPORTED: CollectionSlug[] = ['redirects', 'comments', 'articles', 'pages', 'tags', 'authors', 'categories', 'media', 'import-sources']

type Tree = { type?: string; children?: Tree[]; fields?: Record<string, unknown>; value?: unknown }
const nodes = (tree: Tree): Tree[] => [tree, ...(tree.children ?? []).flatMap(nodes)]

describe('WordPress import', () => {
  let payload: Payload
  let first: ImportReport
  let existingArticleId: string
  let sendEmail: ReturnType<typeof vi.spyOn>

  const count = async (collection: CollectionSlug) => (await payload.count({ collection, overrideAccess: true })).totalDocs
  const counts = async () => Object.fromEntries(await Promise.all(IMPORTED.map(async (c) => [c, await count(c)] as const)))
  const bySlug = async <C extends 'articles' | 'pages'>(collection: C, slug: string): Promise<DataFromCollectionSlug<C>> => {
    const { docs } = await payload.find({ collection, where: { slug: { equals: slug } }, draft: true, overrideAccess: true, depth: 0, limit: 1 })
    const doc = docs[0]
    if (!doc) throw new Error(`no ${collection} ${slug}`)
    return doc
  }
  const run = (file = newsroom) => importWordPress({ payload, file, mediaFrom: path.join(fixtures, 'uploads'), fetchMedia: false })

  beforeAll(async () => {
    payload = await getTestPayload()
    // Mail goes out through Payload's sendEmail (the console transport here): the spy records any attempt.
    sendEmail = vi.spyOn(payload, 'sendEmail')
    // A newsroom already on Byline: its article takes the slug one imported post wants.
    const category = await payload.create({ ...system, collection: 'categories', data: { name: 'Existing', slug: 'existing-section' } })
    const author = await payload.create({ ...system, collection: 'authors', data: { name: 'Existing Writer', slug: 'existing-writer' } })
    existingArticleId = (
      await payload.create({ ...system, collection: 'articles', data: { title: 'Storm warning', slug: 'storm-warning', category: category.id, authors: [author.id], _status: 'published' } })
    ).id
    first = await run()
    forgetAllRecords()
  })

  afterAll(async () => {
    vi.restoreAllMocks()
    await payload.delete({ ...system, collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } } })
    for (const collection of IMPORTED) await payload.delete({ ...system, collection, where: { id: { exists: true } } })
  })

  describe('the first run', () => {
    it('reports what it created, skipped and noted, and nothing failed', () => {
      expect(first.failed).toEqual([])
      expect(first.created).toEqual({ articles: 5, pages: 3, authors: 2, categories: 3, tags: 4, comments: 6, media: 1, redirects: 38 })
      expect(first.skipped.map((s) => `${s.type} ${s.id}`)).toEqual(
        expect.arrayContaining(['post 106', 'comment 507', 'comment 601', 'nav_menu_item 301', 'wp_template_part 302', 'media https://gazette.example/wp-content/uploads/2024/03/missing-chart.png']),
      )
      const notes = first.notes.map((n) => `${n.type} ${n.id}: ${n.reason}`)
      expect(notes).toContain('articles 102: slug "storm-warning" is already used by another article; imported as "storm-warning-2"')
      expect(notes).toContain('pages 107: slug "search" is one of Byline’s own addresses; imported as "search-2"')
      expect(notes.some((n) => n.startsWith('post 101: also filed under "news"'))).toBe(true)
      expect(notes).toContain('post 101: kept as text (no Byline equivalent): 1 × table')
    })

    it('sends no email', () => {
      expect(sendEmail).not.toHaveBeenCalled()
    })

    it('serves a published post through REST with its category, tags, sticky flag, image and content', async () => {
      const { status, body } = await rest('GET', '/articles?where[slug][equals]=ferry-timetable&depth=1')
      expect(status).toBe(200)
      const [article] = body.docs
      expect(article).toMatchObject({ title: 'Ferry timetable changes for the spring', _status: 'published', pinned: true, excerpt: 'Earlier crossings on weekdays.', publishedAt: '2024-03-01T09:00:00.000Z' })
      expect(article.category.slug).toBe('harbour-news')
      expect(article.category.parent).toBeTruthy()
      expect(article.tags.map((t: { slug: string }) => t.slug).sort()).toEqual(['ferries', 'news'])
      expect(article.authors.map((a: { slug: string }) => a.slug)).toEqual(['mara'])
      expect(article.heroImage.alt).toBe('Fishing boats at their moorings at dawn')
      const tree = nodes(article.content.root)
      expect(tree.find((n) => n.type === 'upload')?.fields).toEqual({ caption: 'The first boat leaves at six.' })
      expect(tree.find((n) => n.type === 'block')?.fields).toMatchObject({ blockType: 'videoEmbed' })
      const storm = await bySlug('articles', 'storm-warning-2')
      const internal = tree.find((n) => n.type === 'link' && n.fields?.linkType === 'internal')
      expect(internal?.fields?.doc).toMatchObject({ relationTo: 'articles', value: { id: storm.id } })
    })

    it('shows a published post on its page, with its approved comments threaded', async () => {
      const lookup = await getArticle({ category: 'harbour-news', slug: 'ferry-timetable' })
      expect(lookup.status).toBe('found')
      const article = lookup.status === 'found' ? lookup.article : null
      const { count: shown, thread } = await getApprovedComments({ articleId: String(article?.id) })
      expect(shown).toBe(3)
      expect(thread.map((c) => c.authorName)).toEqual(['Ann Reader'])
      expect(thread[0]?.replies[0]?.authorName).toBe('Cai Dockside')
      expect(thread[0]?.replies[0]?.replies[0]?.authorName).toBe('Ben Harbour')
      expect(thread[0]?.body).toBe("Finally! Thank you. Details on the operator's site (https://ferries.example/spring).")
    })

    it('keeps each comment’s status, date and a salted hash of the IP, never the address', async () => {
      const { docs } = await payload.find({ collection: 'comments', overrideAccess: true, depth: 0, limit: 20, sort: 'createdAt' })
      expect(docs.map((c) => [c.authorName, c.status])).toEqual([
        ['Ann Reader', 'approved'],
        ['Cai Dockside', 'approved'],
        ['Ben Harbour', 'approved'],
        ['Held Reader', 'pending'],
        ['Cheap Pills', 'spam'],
        ['Binned Reader', 'trash'],
      ])
      const ann = docs[0]
      expect(ann?.createdAt).toBe('2024-03-01T11:00:00.000Z')
      expect(ann?.authorUrl).toBe('https://ann.example')
      // A website the comment rules would refuse (it does not parse) is left out; the comment still comes in.
      expect(docs[3]?.authorUrl).toBeNull()
      expect(ann?.ipHash).toBe(hashIp({ ip: '203.0.113.7', secret: payload.secret }))
      expect(JSON.stringify(docs)).not.toContain('203.0.113.7')
    })

    it('keeps held, spam and trashed comments and their senders’ addresses private', async () => {
      const { body } = await rest('GET', '/comments?limit=50')
      expect(body.docs.map((c: { authorName: string }) => c.authorName).sort()).toEqual(['Ann Reader', 'Ben Harbour', 'Cai Dockside'])
      expect(JSON.stringify(body)).not.toMatch(/readers\.example|ipHash|Held Reader|Cheap Pills|Binned Reader/)
    })

    it('imports drafts, pending, private and scheduled posts as drafts that readers cannot see', async () => {
      const { body } = await rest('GET', '/articles?where[slug][in]=regatta-preview,half-written-column,private-memo')
      expect(body.docs).toEqual([])
      const pending = await bySlug('articles', 'half-written-column')
      expect(pending).toMatchObject({ _status: 'draft', review: { state: 'submitted' } })
      expect((await bySlug('articles', 'private-memo'))._status).toBe('draft')
    })

    it('schedules a future post with the jobs queue, at its WordPress date', async () => {
      const regatta = await bySlug('articles', 'regatta-preview')
      const { docs } = await payload.find({ collection: 'payload-jobs', where: { 'input.doc.value': { equals: regatta.id } }, overrideAccess: true, depth: 0 })
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({ taskSlug: 'schedulePublish', waitUntil: '2031-06-01T08:00:00.000Z', input: { type: 'publish' } })
    })

    it('imports pages with their parents, and refuses a slug the site owns', async () => {
      const about = await bySlug('pages', 'about')
      const contact = await bySlug('pages', 'contact')
      expect(contact.parent).toBe(about.id)
      expect((await bySlug('pages', 'search-2'))._status).toBe('published')
      const { body } = await rest('GET', '/pages?where[slug][equals]=contact')
      expect(body.docs).toHaveLength(1)
    })

    it('leaves the newsroom’s own article as it was', async () => {
      const existing = await payload.findByID({ collection: 'articles', id: existingArticleId, overrideAccess: true, depth: 0 })
      expect(existing.slug).toBe('storm-warning')
      expect(existing.title).toBe('Storm warning')
    })

    it('sends every old address on with a 301, through the table the server answers from', async () => {
      forgetAllRecords()
      const expected: [string, string][] = [
        ['/2024/03/ferry-timetable/', '/harbour-news/ferry-timetable'],
        ['/?p=101', '/harbour-news/ferry-timetable'],
        ['/?p=101&utm_source=newsletter', '/harbour-news/ferry-timetable'],
        ['/2024/03/storm-warning/', '/news/storm-warning-2'],
        ['/?p=102', '/news/storm-warning-2'],
        ['/?page_id=201', '/about'],
        ['/?page_id=202', '/about/contact'],
        ['/category/news/', '/news'],
        ['/category/news/harbour-news/', '/harbour-news'],
        ['/category/opinion/', '/opinion'],
        ['/author/mara/', '/authors/mara'],
        ['/author/tom-b/', '/authors/tom-b'],
        ['/feed/', '/feed.xml'],
        ['/category/news/harbour-news/feed/', '/harbour-news/feed.xml'],
        ['/tag/ferries/feed/', '/tag/ferries/feed.xml'],
        ['/author/mara/feed/', '/authors/mara/feed.xml'],
        // A post's own comment feed goes to the post, where its comments are.
        ['/2024/03/ferry-timetable/feed/', '/harbour-news/ferry-timetable'],
        // An attachment's page, by id and under the post it was attached to, and its old file go to the image.
        ['/?attachment_id=30', '/api/media/file/harbour-dawn.webp'],
        ['/2024/03/ferry-timetable/harbour-dawn/', '/api/media/file/harbour-dawn.webp'],
        ['/wp-content/uploads/2024/03/harbour-dawn.png', '/api/media/file/harbour-dawn.webp'],
      ]
      for (const [from, to] of expected) expect([from, await lookUpRedirect(payload, from)]).toEqual([from, { to, status: 301 }])
      // The WordPress page called "search" gets /search-2, but its old address stays the site's search.
      expect(await lookUpRedirect(payload, '/search/')).toBeNull()
      expect(await lookUpRedirect(payload, '/search?q=flood')).toBeNull()
      // A scheduled post's old address waits for it to be published; where the old address is the Byline one, nothing is needed.
      expect(await lookUpRedirect(payload, '/?p=103')).toBeNull()
      expect(await lookUpRedirect(payload, '/about/contact/')).toBeNull()
      // The contact page came before its parent in the file: its address until the parent was in was never anyone's.
      expect(await lookUpRedirect(payload, '/contact')).toBeNull()
      const stored = await payload.count({ collection: 'redirects', where: { from: { equals: '/?p=103' } }, overrideAccess: true })
      expect(stored.totalDocs).toBe(1)
    })
  })

  describe('a second run of the same file', () => {
    it('changes nothing', async () => {
      const after = await counts()
      const again = await run()
      expect(Object.values(again.created).every((n) => n === 0)).toBe(true)
      expect(Object.values(again.updated).every((n) => n === 0)).toBe(true)
      expect(again.failed).toEqual([])
      expect(await counts()).toEqual(after)
    })

    it('updates what changed in the export, and only that', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-wxr-'))
      const changed = path.join(dir, 'newsroom.xml')
      fs.writeFileSync(changed, fs.readFileSync(newsroom, 'utf8').replace('Ferry timetable changes for the spring', 'Ferry timetable changes for spring 2024'))
      try {
        const report = await run(changed)
        expect(report.updated.articles).toBe(1)
        expect(Object.values(report.created).every((n) => n === 0)).toBe(true)
        expect((await bySlug('articles', 'ferry-timetable')).title).toBe('Ferry timetable changes for spring 2024')
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    })
  })

  it('reports a dry run as it would go, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-wxr-'))
    const otherSite = path.join(dir, 'newsroom.xml')
    fs.writeFileSync(otherSite, fs.readFileSync(newsroom, 'utf8').replaceAll('gazette.example', 'other-gazette.example'))
    try {
      const snapshot = await counts()
      const report = await importWordPress({ payload, file: otherSite, dryRun: true, fetchMedia: false })
      expect(report.created).toMatchObject({ articles: 5, pages: 3, comments: 6 })
      expect(report.failed).toEqual([])
      expect(await counts()).toEqual(snapshot)
      // What the real run then does is what the dry run said, redirects included.
      const real = await importWordPress({ payload, file: otherSite, fetchMedia: false })
      expect(real.created).toEqual(report.created)
      expect(real.skipped.length).toBe(report.skipped.length)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  // Each case starts the CLI (tsx, Payload, the config); on a loaded machine that alone has taken
  // over the default 60 s, so the test waits as long as its spawnSync does.
  describe('the command', { timeout: 150_000 }, () => {
    const command = (...args: string[]) =>
      spawnSync('npx', ['tsx', 'src/import/wordpress/cli.ts', ...args], { cwd: path.resolve(import.meta.dirname, '../..'), env: process.env, encoding: 'utf8', timeout: 120_000 })

    it('lists a failed item with its id and reason, imports the rest, prints JSON alone on stdout, and exits 1', async () => {
      const result = command(path.join(fixtures, 'broken-item.xml'), '--json')
      expect(result.status).toBe(1)
      const report = JSON.parse(result.stdout)
      expect(Object.keys(report)).toEqual(['created', 'updated', 'skipped', 'failed'])
      expect(report.failed).toEqual([{ type: 'page', id: '2', reason: expect.stringMatching(/under itself/) }])
      expect(report.created).toMatchObject({ articles: 1, pages: 1, categories: 1, authors: 1 })
      expect(result.stderr).toMatch(/^import: /m)
      expect((await bySlug('articles', 'tide-tables'))._status).toBe('published')
    })

    it('refuses bad input with one line and exit 1, writing nothing', async () => {
      const snapshot = await counts()
      const result = command(path.join(fixtures, 'truncated.xml'))
      expect(result.status).toBe(1)
      expect(result.stdout).toBe('')
      const lines = result.stderr.split('\n').filter((line) => line && !line.startsWith('{') && !line.startsWith('import: '))
      expect(lines).toEqual(['The file ends before the export does (it is truncated): export it again from WordPress.'])
      expect(await counts()).toEqual(snapshot)
    })
  })

  describe('old addresses that Byline serves itself', () => {
    it('get no redirect, which would hide the live page, and the report says so', async () => {
      const report = await run(path.join(fixtures, 'own-addresses.xml'))
      expect(report.failed).toEqual([])
      // The search page, the category "masthead" and the category "politics" stay where they are.
      for (const from of ['/search/', '/masthead/', '/politics/']) expect([from, await lookUpRedirect(payload, from)]).toEqual([from, null])
      for (const from of ['/search/', '/masthead/', '/politics/']) {
        const skipped = report.skipped.find((entry) => entry.type === 'redirect' && entry.id === from)
        expect([from, skipped?.reason]).toEqual([from, expect.stringMatching(new RegExp(`^Byline serves ${from.slice(0, -1)} itself \\((one of its own pages|a category|a page)\\)`))])
      }
      // The report says why each slug changed, once, in the words of the rule that refused it.
      const notes = report.notes.map((note) => `${note.type} ${note.id}: ${note.reason}`)
      expect(notes.filter((note) => note.startsWith('pages 9202:'))).toEqual([
        'pages 9202: slug "masthead" was refused ("masthead" is the slug of a category (/masthead), so a top-level page cannot take it.); imported as "masthead-2"',
      ])
      expect(notes).toContain('comment 9301: 5,999 characters long: Byline keeps 5,000 characters of a comment, so the rest was cut')
      expect(notes.filter((note) => note.startsWith('pages 9201:'))).toEqual([expect.stringMatching(/^pages 9201: slug "search" is one of Byline’s own addresses; imported as "search-\d+"$/)])
      // Their WordPress ids still lead to them.
      expect(await lookUpRedirect(payload, '/?page_id=9201')).toEqual({ to: expect.stringMatching(/^\/search-\d/), status: 301 })
      expect(await lookUpRedirect(payload, '/?p=9203')).toEqual({ to: '/politics/politics', status: 301 })
    })
  })

  describe('a WordPress installed in a folder', () => {
    it('redirects its old addresses under that folder, and its short links become internal links', async () => {
      const report = await run(path.join(fixtures, 'in-a-folder.xml'))
      expect(report.failed).toEqual([])
      const first = await bySlug('articles', 'folder-first-story')
      for (const [from, to] of [
        ['/blog/2021/04/folder-first-story/', '/folder-news/folder-first-story'],
        ['/blog/?p=9401', '/folder-news/folder-first-story'],
        ['/blog/category/folder-news/', '/folder-news'],
        ['/blog/author/folderdesk/', '/authors/folderdesk'],
        ['/blog/feed/', '/feed.xml'],
      ]) {
        expect([from, await lookUpRedirect(payload, from!)]).toEqual([from, { to, status: 301 }])
      }
      expect(await lookUpRedirect(payload, '/?p=9401')).toBeNull()
      const second = await bySlug('articles', 'folder-second-story')
      const links = nodes((second.content as unknown as { root: Tree }).root).filter((n) => n.type === 'link')
      const targetOf = (fields: Record<string, unknown> = {}) => (fields.linkType === 'internal' ? { internal: (fields.doc as { value?: unknown } | undefined)?.value } : { url: fields.url })
      expect(links.map((n) => targetOf(n.fields))).toEqual([{ internal: first.id }, { url: '/folder-news' }])
    })
  })

  describe('a page tree deeper than Byline’s', () => {
    it('puts a grandchild under its top-level ancestor, says so, and redirects its old address', async () => {
      const report = await run(path.join(fixtures, 'page-tree.xml'))
      expect(report.failed).toEqual([])
      const [top, middle, leaf] = await Promise.all(['tree-top', 'tree-middle', 'tree-leaf'].map((slug) => bySlug('pages', slug)))
      expect(relationId(middle!.parent)).toBe(top!.id)
      expect(relationId(leaf!.parent)).toBe(top!.id)
      expect(report.notes).toContainEqual({ type: 'page', id: '9503', reason: expect.stringMatching(/nested more than one level deep.*under "tree-top"/) })
      expect(await lookUpRedirect(payload, '/tree-top/tree-middle/tree-leaf/')).toEqual({ to: '/tree-top/tree-leaf', status: 301 })
      expect(await lookUpRedirect(payload, '/tree-leaf')).toBeNull()
    })

    it('puts a published page whose parent is not published at the top level, where readers can reach it', async () => {
      const visible = await bySlug('pages', 'tree-visible')
      expect(visible.parent ?? null).toBeNull()
      expect(await lookUpRedirect(payload, '/tree-hidden/tree-visible/')).toEqual({ to: '/tree-visible', status: 301 })
      expect(await lookUpRedirect(payload, '/?page_id=9505')).toEqual({ to: '/tree-visible', status: 301 })
    })
  })

  describe('articles written below the Local API (bulkWrites.article)', () => {
    /** What may differ between two saves of the same article: its identity and the moment of saving. */
    const comparable = (doc: Record<string, unknown>): Record<string, unknown> => {
      const { id: _id, slug: _slug, createdAt: _created, updatedAt: _updated, searchText: _searchText, ...rest } = doc
      const review = Object.fromEntries(Object.entries((rest.review ?? {}) as Record<string, unknown>).filter(([key]) => !key.endsWith('At')))
      return { ...rest, review }
    }
    const INPUT = ['title', 'excerpt', 'content', 'category', 'authors', 'tags', 'cast', 'featured', 'pinned', 'heroImage', 'publishedAt', 'commentsOpen', '_status', 'review', 'meta'] as const

    it('are what the Local API writes for the same data, document and version, for every status the file has', async () => {
      const bulk = bulkWriter(payload)
      if (!bulk) return expect(adapterName(payload)).toBe('mongoose') // the Local API writes them there
      const sources = await payload.find({ collection: 'import-sources', where: { target: { equals: 'articles' } }, pagination: false, overrideAccess: true, depth: 0 })
      const imported = await Promise.all(sources.docs.map(async (source) => (await payload.findByID({ collection: 'articles', id: source.documentId, draft: true, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>))
      const statuses = new Set(imported.map((doc) => `${String(doc._status)}/${String((doc.review as { state?: string } | undefined)?.state)}`))
      expect([...statuses]).toEqual(expect.arrayContaining(['published/none', 'draft/submitted']))
      const written: string[] = []
      try {
        for (const doc of imported) {
          // The importer's data for it: its fields as they were imported, images, blocks and links in the body included.
          const input = { ...Object.fromEntries(INPUT.map((key) => [key, doc[key]])), review: { state: (doc.review as { state?: string } | undefined)?.state } }
          const req = await createLocalReq({ context: { disableRevalidate: true, disableNotifications: true, wordpressImport: true } }, payload)
          const below = String((await bulk.article(req, { ...input, slug: `${String(doc.slug)}-below` })).id)
          written.push(below)
          const api = String((await payload.create({ ...system, collection: 'articles', draft: doc._status === 'draft', data: { ...input, slug: `${String(doc.slug)}-api` } as never })).id)
          written.push(api)
          const read = async (id: string) => (await payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>
          const [a, b] = [await read(below), await read(api)]
          expect(comparable(a)).toEqual(comparable(b))
          expect(a.searchText).toBe(String(b.searchText).replace('-api', '-below'))
          const versionOf = async (id: string) => {
            const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: id } }, overrideAccess: true, depth: 0, limit: 10 })
            expect(docs).toHaveLength(1)
            const [version] = docs as unknown as { latest?: boolean; autosave?: boolean; version: Record<string, unknown> }[]
            return { latest: version?.latest, autosave: version?.autosave, version: comparable(version?.version ?? {}) }
          }
          expect(await versionOf(below)).toEqual(await versionOf(api))
        }
      } finally {
        if (written.length > 0) await payload.delete({ ...system, collection: 'articles', where: { id: { in: written } } })
      }
    })
  })

  it('imports a post again when only a reusable block it shows has changed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-wxr-'))
    const file = path.join(dir, 'reusable-block.xml')
    const textOf = async () => {
      const doc = await bySlug('articles', 'story-with-a-block')
      return nodes((doc.content as unknown as { root: Tree }).root).map((node) => (node as { text?: string }).text ?? '').join(' ')
    }
    try {
      fs.copyFileSync(path.join(fixtures, 'reusable-block.xml'), file)
      expect((await run(file)).failed).toEqual([])
      expect(await textOf()).toContain('Block text one.')
      // The same file again: nothing to do.
      expect((await run(file)).updated.articles).toBe(0)
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Block text one.', 'Block text two.'))
      const again = await run(file)
      expect(again.updated.articles).toBe(1)
      expect(await textOf()).toContain('Block text two.')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  describe('an item that fails halfway, as the command line writes it', () => {
    it('leaves none of its writes behind, on every database', async () => {
      // What importWordPress does for each item (its inTransaction) on the command line's connection.
      const bulk = bulkWriter(payload)
      const slug = `halfway-${Date.now().toString(36)}`
      const item = () =>
        inTransaction(payload, async (transactionID) => {
          const req = await createLocalReq({}, payload)
          if (transactionID !== null) req.transactionID = transactionID
          await payload.create({ collection: 'tags', data: { name: slug, slug }, req, overrideAccess: true })
          throw new Error('the item failed after its first write')
        })
      await expect(bulk ? bulk.sqliteTransaction(item) : item()).rejects.toThrow('after its first write')
      expect((await payload.count({ collection: 'tags', where: { slug: { equals: slug } }, overrideAccess: true })).totalDocs).toBe(0)
    })
  })

  describe('bad input', () => {
    it.each(['truncated.xml', 'not-wxr.xml', 'not-xml.txt', 'latin1.xml'])('refuses %s and changes nothing', async (name) => {
      const snapshot = await counts()
      await expect(run(path.join(fixtures, name))).rejects.toBeInstanceOf(WxrError)
      expect(await counts()).toEqual(snapshot)
    })
  })

  it('reads a WordPress.com export (https namespaces) as a site of its own', async () => {
    const report = await run(path.join(fixtures, 'wordpress-com.xml'))
    expect(report.failed).toEqual([])
    expect(report.created).toMatchObject({ articles: 1, authors: 1, categories: 1 })
    const { body } = await rest('GET', '/articles?where[slug][equals]=hello-island&depth=1')
    expect(body.docs[0]?.category.slug).toBe('uncategorized')
  })

  describe("the admin screen's API", () => {
    let staff: Record<Role, StaffUser>
    const xml = fs.readFileSync(path.join(fixtures, 'wordpress-com.xml'), 'utf8')

    beforeAll(async () => {
      staff = await seedStaff(payload, ROLES)
    })
    afterAll(async () => {
      await cleanupStaff(payload, staff)
    })

    it.each([undefined, ...ROLES.filter((role) => role !== 'admin')])('refuses %s with 403, starting nothing and reading nothing', async (role) => {
      const token = role ? staff[role].token : undefined
      const started = await rest('POST', '/import-sources/wordpress', { token, raw: xml })
      expect(started.status).toBe(403)
      expect((await rest('GET', '/import-sources/wordpress/any-run', { token })).status).toBe(403)
      expect((await rest('GET', '/import-sources', { token })).status).toBe(403)
      expect((await rest('POST', '/import-sources', { token, body: { key: 'k', site: 's', kind: 'post', sourceId: '1', target: 'articles', documentId: 'x' } })).status).toBe(403)
    })

    it('lets an admin read the bookkeeping but not write it by hand: only the importer does', async () => {
      const { token } = staff.admin
      expect((await rest('GET', '/import-sources', { token })).status).toBe(200)
      const made = await rest('POST', '/import-sources', { token, body: { key: 'k', site: 's', kind: 'post', sourceId: '1', target: 'articles', documentId: 'x' } })
      expect(made.status).toBe(403)
    })

    it('refuses an empty upload with 400, and an upload declared larger than the limit with 413', async () => {
      const { token } = staff.admin
      expect((await rest('POST', '/import-sources/wordpress', { token, raw: '' })).status).toBe(400)
      const tooLarge = await rest('POST', '/import-sources/wordpress', { token, raw: xml, headers: { 'content-length': String(1024 ** 3) } })
      expect(tooLarge.status).toBe(413)
      expect(tooLarge.body.errors[0].message).toMatch(/npm run import:wordpress/)
    })

    it('imports an uploaded export for an admin and reports progress, then the report', async () => {
      const { token } = staff.admin
      const started = await rest('POST', '/import-sources/wordpress', { token, raw: xml })
      expect(started.status).toBe(202)
      let run = started.body
      for (let tries = 0; tries < 100 && run.state === 'running'; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        run = (await rest('GET', `/import-sources/wordpress/${started.body.id}`, { token })).body
      }
      expect(run.state).toBe('done')
      expect(run.report.failed).toEqual([])
      // The file was imported by the test above: this run finds everything and adds nothing.
      expect(run.report.created.articles).toBe(0)
      expect(run.report.text).toContain('1 unchanged')
    })

    it('shares runs between instances: one running elsewhere is seen and blocks a second, one whose server died is reported and does not', async () => {
      const { token } = staff.admin
      // Another instance's run, written to the shared store as that instance writes it.
      const elsewhere = (heartbeatAt: Date) => ({
        id: `elsewhere-${heartbeatAt.getTime()}`,
        state: 'running',
        dryRun: false,
        startedAt: new Date(heartbeatAt.getTime() - 1000).toISOString(),
        finishedAt: null,
        progress: { phase: 'writing', done: 40, total: 100 },
        report: null,
        error: null,
        heartbeatAt: heartbeatAt.toISOString(),
      })
      const alive = elsewhere(new Date())
      await payload.kv.set(`wordpress-import:${alive.id}`, alive)
      try {
        const seen = await rest('GET', `/import-sources/wordpress/${alive.id}`, { token })
        expect(seen.status).toBe(200)
        expect(seen.body).toMatchObject({ id: alive.id, state: 'running', progress: { done: 40, total: 100 } })
        expect(seen.body).not.toHaveProperty('heartbeatAt')
        // The store itself is nobody's to read through the API, not even an admin's.
        expect((await rest('GET', '/payload-kv', { token })).status).toBe(403)
        const second = await rest('POST', '/import-sources/wordpress', { token, raw: xml })
        expect(second.status).toBe(409)
        expect(second.body.errors[0].message).toMatch(/already running/)
      } finally {
        await payload.kv.delete(`wordpress-import:${alive.id}`)
      }

      const dead = elsewhere(new Date(Date.now() - 10 * 60_000))
      await payload.kv.set(`wordpress-import:${dead.id}`, dead)
      const lost = await rest('GET', `/import-sources/wordpress/${dead.id}`, { token })
      expect(lost.body).toMatchObject({ state: 'failed', error: expect.stringMatching(/stopped before it finished.*Start it again/) })
      const started = await rest('POST', '/import-sources/wordpress?dryRun=true', { token, raw: xml })
      expect(started.status).toBe(202)
      for (let tries = 0; tries < 100 && (await rest('GET', `/import-sources/wordpress/${started.body.id}`, { token })).body.state === 'running'; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect((await rest('GET', '/import-sources/wordpress/no-such-run', { token })).status).toBe(404)
    })

    it('answers a bad file with the one-line reason', async () => {
      const started = await rest('POST', '/import-sources/wordpress', { token: staff.admin.token, raw: '<rss><channel></channel>' })
      let run = started.body
      for (let tries = 0; tries < 100 && run.state === 'running'; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        run = (await rest('GET', `/import-sources/wordpress/${started.body.id}`, { token: staff.admin.token })).body
      }
      expect(run).toMatchObject({ state: 'failed', error: expect.stringMatching(/not a WordPress export/) })
    })
  })
})
