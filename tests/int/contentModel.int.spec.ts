import type { Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Role } from '@/access/roles'

import { ROLES } from '@/access/roles'
import { forgetAllRecords, forgetRecords } from '@/cache/records'
import { tag } from '@/cache/tags'
import { getArticlesInCategories, getArticlesTagged, getFeaturedLead } from '@/lib/articles/listings'
import { getPageAt, getPublishedPageUrls } from '@/lib/sitePages'
import { lookUpRedirect } from '@/redirects/table'
import { doc, p } from '@/seed/lexical'

import type { StaffUser } from '../helpers/fixtures'

import { cleanupStaff, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { graphql, rest } from '../helpers/rest'

// src/lib modules guard against client bundles with `server-only`, which throws outside Next's server build.
vi.mock('server-only', () => ({}))

/** The message a refused save gives for its one invalid field. */
const fieldMessage = (body: { errors?: { data?: { errors?: { message?: string }[] } }[] }) => body.errors?.[0]?.data?.errors?.[0]?.message ?? ''

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const

/**
 * Issue #8's content model on the reader site: tags, standing pages, redirects, featured and
 * pinned articles. The access matrix (tests/int/accessMatrix.int.spec.ts) has who may change them.
 */
describe('Content model (#8)', () => {
  let payload: Payload
  let staff: Record<Role, StaffUser>
  let categoryId: string
  let categorySlug: string
  let authorId: string
  const made: { collection: 'articles' | 'pages' | 'tags' | 'redirects' | 'categories'; id: string }[] = []

  beforeAll(async () => {
    payload = await getTestPayload()
    staff = await seedStaff(payload, ROLES)
    categorySlug = `model-${uniqueTag()}`
    categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: 'Model', slug: categorySlug } })).id
    authorId = (await payload.create({ ...system, collection: 'authors', data: { name: 'Model Author', slug: `model-author-${uniqueTag()}` } })).id
  })

  afterAll(async () => {
    for (const { collection, id } of made.reverse()) await payload.delete({ ...system, collection, where: { id: { equals: id } } })
    await payload.delete({ ...system, collection: 'authors', where: { id: { equals: authorId } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
    await cleanupStaff(payload, staff)
  })

  // Each test reads the remembered records (lists, the redirect table) afresh.
  beforeEach(() => forgetAllRecords())

  const keep = <T extends { id: string }>(collection: (typeof made)[number]['collection'], record: T) => {
    made.push({ collection, id: record.id })
    return record
  }

  const article = async (data: Record<string, unknown> = {}, status: 'draft' | 'published' = 'published') =>
    keep(
      'articles',
      await payload.create({
        ...system,
        collection: 'articles',
        draft: status === 'draft',
        data: { title: `Article ${uniqueTag()}`, slug: uniqueTag(), category: categoryId, authors: [authorId], _status: status, ...data },
      }),
    )

  const page = async (data: Record<string, unknown> = {}, status: 'draft' | 'published' = 'published') =>
    keep(
      'pages',
      await payload.create({
        ...system,
        collection: 'pages',
        draft: status === 'draft',
        data: { title: `Page ${uniqueTag()}`, slug: uniqueTag(), content: doc(p('Who we are.')), _status: status, ...data },
      }),
    )

  describe('tags', () => {
    it('lists only the published articles of a tag, newest first', async () => {
      const tag = keep('tags', await payload.create({ ...system, collection: 'tags', data: { name: `Topic ${uniqueTag()}`, slug: '' } }))
      const older = await article({ tags: [tag.id], publishedAt: '2026-01-01T00:00:00.000Z' })
      const newer = await article({ tags: [tag.id], publishedAt: '2026-02-01T00:00:00.000Z' })
      await article({ tags: [tag.id] }, 'draft')
      await article()
      const listing = await getArticlesTagged({ tagId: tag.id, page: 1, limit: 10 })
      expect(listing.docs.map((a) => a.id)).toEqual([newer.id, older.id])
      expect(listing.totalDocs).toBe(2)
    })

    it('makes the slug from the name, as categories do', async () => {
      const tag = keep('tags', await payload.create({ ...system, collection: 'tags', data: { name: `Crème Brûlée ${uniqueTag()}`, slug: '' } }))
      expect(tag.slug).toMatch(/^creme-brulee-t[0-9a-z]+$/)
    })

    it('lets an editor delete a tag that articles carry: it leaves their tags, on every database', async () => {
      const tag = await payload.create({ ...system, collection: 'tags', data: { name: `Passing ${uniqueTag()}`, slug: '' } })
      const tagged = await article({ tags: [tag.id] })
      const { status } = await rest('DELETE', `/tags/${tag.id}`, { token: staff.editor.token })
      expect(status).toBe(200)
      const after = await payload.findByID({ ...system, collection: 'articles', id: tagged.id })
      expect(after.tags ?? []).toEqual([])
    })

    it('lets a writer add a tag over REST, as in WordPress', async () => {
      const name = `Writer tag ${uniqueTag()}`
      const { status, body } = await rest('POST', '/tags', { token: staff.writer.token, body: { name } })
      expect(status).toBe(201)
      keep('tags', body.doc)
      expect(body.doc.slug).toBe(name.toLowerCase().replace(/ /g, '-'))
    })
  })

  describe('pages', () => {
    it('keeps drafts from the public over REST, even by id', async () => {
      const draft = await page({}, 'draft')
      const published = await page()
      const { body } = await rest('GET', `/pages?draft=true&where[id][in]=${draft.id},${published.id}`)
      expect(body.docs.map((d: { id: string }) => d.id)).toEqual([published.id])
      expect([403, 404]).toContain((await rest('GET', `/pages/${draft.id}?draft=true`)).status)
    })

    it('keeps drafts from the public and from moderators over GraphQL', async () => {
      const draft = await page({}, 'draft')
      const published = await page()
      const query = `{ Pages(draft: true, where: { id: { in: ["${draft.id}", "${published.id}"] } }) { docs { id } } }`
      for (const token of [undefined, staff.moderator.token]) {
        const result = await graphql(query, token)
        expect(result.data.Pages.docs.map((d: { id: string }) => d.id)).toEqual([published.id])
      }
      const newsroom = await graphql(query, staff.writer.token)
      expect(newsroom.data.Pages.docs).toHaveLength(2)
    })

    it('serves a published page at /{slug} and never a draft, nor a draft saved over a published page', async () => {
      const draft = await page({}, 'draft')
      const published = await page({ title: 'About us' })
      await payload.update({ ...system, collection: 'pages', id: published.id, draft: true, data: { title: 'Unreleased title' } })
      expect(await getPageAt(draft.slug as string)).toEqual({ status: 'missing' })
      const found = await getPageAt(published.slug as string)
      expect(found.status).toBe('found')
      expect(found.status === 'found' && found.page.title).toBe('About us')
      const urls = (await getPublishedPageUrls()).map((u) => u.href)
      expect(urls).toContain(`/${published.slug}`)
      expect(urls).not.toContain(`/${draft.slug}`)
    })

    it('serves a subpage at /{parent}/{slug} and sends /{slug} there', async () => {
      const parent = await page()
      const child = await page({ parent: parent.id })
      const found = await getPageAt(parent.slug as string, child.slug as string)
      expect(found.status === 'found' && found.page.href).toBe(`/${parent.slug}/${child.slug}`)
      expect(await getPageAt(child.slug as string)).toEqual({ status: 'moved', href: `/${parent.slug}/${child.slug}` })
      expect(await getPageAt('elsewhere', child.slug as string)).toEqual({ status: 'moved', href: `/${parent.slug}/${child.slug}` })
    })

    it('refuses a top-level page the slug of a category, with a 400 that says so', async () => {
      const { status, body } = await rest('POST', '/pages', { token: staff.editor.token, body: { title: 'Clash', slug: categorySlug } })
      expect(status).toBe(400)
      expect(fieldMessage(body)).toContain(`"${categorySlug}" is the slug of a category`)
    })

    it('refuses a page the name of a site route, with a 400 that says so', async () => {
      const { status, body } = await rest('POST', '/pages', { token: staff.editor.token, body: { title: 'Search', slug: 'search' } })
      expect(status).toBe(400)
      expect(fieldMessage(body)).toContain('"search" is already a page of the site')
    })

    it('lets a subpage take a category’s slug: it lives under its parent', async () => {
      const parent = await page()
      const { status, body } = await rest('POST', '/pages', { token: staff.editor.token, body: { title: 'Sub', slug: categorySlug, parent: parent.id } })
      expect(status).toBe(201)
      keep('pages', body.doc)
    })

    it('refuses a new category the slug of a top-level page, with a 400 that says so', async () => {
      const taken = await page()
      const { status, body } = await rest('POST', '/categories', { token: staff.editor.token, body: { name: 'Clash', slug: taken.slug } })
      expect(status).toBe(400)
      expect(fieldMessage(body)).toContain(`"${taken.slug}" is the slug of a page`)
    })

    it('refuses a page as its own parent, or under its own subpage', async () => {
      const parent = await page()
      const child = await page({ parent: parent.id })
      const self = await rest('PATCH', `/pages/${parent.id}`, { token: staff.editor.token, body: { parent: parent.id } })
      expect(self.status).toBe(400)
      expect(fieldMessage(self.body)).toContain('cannot be put under itself or one of its own subpages')
      const loop = await rest('PATCH', `/pages/${parent.id}`, { token: staff.editor.token, body: { parent: child.id } })
      expect(loop.status).toBe(400)
      expect(fieldMessage(loop.body)).toContain('cannot be put under itself or one of its own subpages')
    })
  })

  describe('redirects', () => {
    const custom = async (from: string, url: string, type: '301' | '302' = '301') =>
      keep('redirects', await payload.create({ ...system, collection: 'redirects', data: { from, to: { type: 'custom', url }, type } }))

    it('stores sources in one spelling: no trailing slash, query sorted, no host', async () => {
      const slug = uniqueTag()
      const stored = await custom(`https://old.example.com/${slug}/?b=2&a=1`, '/about')
      expect(stored.from).toBe(`/${slug}?a=1&b=2`)
    })

    it('matches a WordPress ?p= link, with or without other parameters, and 301 by default', async () => {
      const id = String(Date.now())
      // Over REST as the admin sends it, without a type: the plugin's field defaults to 301.
      const { status, body } = await rest('POST', '/redirects', { token: staff.editor.token, body: { from: `/?p=${id}`, to: { type: 'custom', url: '/about' } } })
      expect(status).toBe(201)
      keep('redirects', body.doc)
      expect(await lookUpRedirect(payload, `/?p=${id}`)).toEqual({ to: '/about', status: 301 })
      expect(await lookUpRedirect(payload, `/?utm_source=feed&p=${id}`)).toEqual({ to: '/about', status: 301 })
      expect(await lookUpRedirect(payload, `/?p=${id}1`)).toBeNull()
      expect(await lookUpRedirect(payload, '/')).toBeNull()
    })

    it('answers from memory, without a promise, once the table is read, and reads it again when redirects change', async () => {
      const [first, second] = [`/${uniqueTag()}`, `/${uniqueTag()}`]
      await custom(first, '/about')
      forgetAllRecords()
      const read = lookUpRedirect(payload, first)
      expect(read).toBeInstanceOf(Promise)
      expect(await read).toEqual({ to: '/about', status: 301 })
      // The production server asks this on every reader request: no promise to wait for.
      expect(lookUpRedirect(payload, first)).toEqual({ to: '/about', status: 301 })
      expect(lookUpRedirect(payload, second)).toBeNull()

      await custom(second, '/contact')
      // What the redirects collection's change announces (src/cache/expire.ts).
      forgetRecords([tag.redirects])
      const reread = lookUpRedirect(payload, second)
      expect(reread).toBeInstanceOf(Promise)
      expect(await reread).toEqual({ to: '/contact', status: 301 })
      expect(lookUpRedirect(payload, second)).toEqual({ to: '/contact', status: 301 })
    })

    it('ignores a trailing slash and keeps a 302', async () => {
      const slug = uniqueTag()
      await custom(`/${slug}`, 'https://example.org/elsewhere', '302')
      expect(await lookUpRedirect(payload, `/${slug}/`)).toEqual({ to: 'https://example.org/elsewhere', status: 302 })
    })

    it('sends a reference to the document’s current address, and nowhere once it is unpublished', async () => {
      const target = await article()
      const from = `/${uniqueTag()}`
      keep('redirects', await payload.create({ ...system, collection: 'redirects', data: { from, to: { type: 'reference', reference: { relationTo: 'articles', value: target.id } }, type: '301' } }))
      expect(await lookUpRedirect(payload, from)).toEqual({ to: `/${categorySlug}/${target.slug}`, status: 301 })
      await payload.update({ ...system, collection: 'articles', id: target.id, data: { _status: 'draft' } })
      forgetAllRecords()
      expect(await lookUpRedirect(payload, from)).toBeNull()
    })

    it('refuses a source under /admin or /api, the home page itself, and a script target, with 400s', async () => {
      const token = staff.editor.token
      for (const from of ['/admin/login', '/api/users', '/']) {
        const { status } = await rest('POST', '/redirects', { token, body: { from, to: { type: 'custom', url: '/about' } } })
        expect(status, from).toBe(400)
      }
      const script = await rest('POST', '/redirects', { token, body: { from: `/${uniqueTag()}`, to: { type: 'custom', url: 'javascript:alert(1)' } } })
      expect(script.status).toBe(400)
      const loop = `/${uniqueTag()}`
      const self = await rest('POST', '/redirects', { token, body: { from: loop, to: { type: 'custom', url: `${loop}/` } } })
      expect(self.status).toBe(400)
    })

    it('leaves a 301 from a published article’s old address when its slug changes, and never a chain or a loop', async () => {
      const moved = await article()
      const first = `/${categorySlug}/${moved.slug}`
      const secondSlug = uniqueTag()
      // A redirect someone typed by hand to the old address.
      const older = await custom(`/${uniqueTag()}`, first)
      await payload.update({ ...system, collection: 'articles', id: moved.id, data: { slug: secondSlug } })
      forgetAllRecords()
      const second = `/${categorySlug}/${secondSlug}`
      expect(await lookUpRedirect(payload, first)).toEqual({ to: second, status: 301 })
      // The older redirect now refers to the article: one hop to its current address.
      expect(await lookUpRedirect(payload, older.from)).toEqual({ to: second, status: 301 })

      // Back to the first slug: the redirect from it goes (it is the article's address again).
      await payload.update({ ...system, collection: 'articles', id: moved.id, data: { slug: moved.slug } })
      forgetAllRecords()
      expect(await lookUpRedirect(payload, first)).toBeNull()
      expect(await lookUpRedirect(payload, second)).toEqual({ to: first, status: 301 })
      expect(await lookUpRedirect(payload, older.from)).toEqual({ to: first, status: 301 })
      const { docs } = await payload.find({ ...system, collection: 'redirects', where: { from: { in: [first, second] } }, pagination: false })
      for (const redirect of docs) made.push({ collection: 'redirects', id: redirect.id })
    })

    it('leaves no redirect when a draft changes its slug: it had no public address', async () => {
      const draft = await article({}, 'draft')
      await payload.update({ ...system, collection: 'articles', id: draft.id, draft: true, data: { slug: uniqueTag() } })
      expect(await lookUpRedirect(payload, `/${categorySlug}/${draft.slug}`)).toBeNull()
    })

    it('is not readable by the public over REST or GraphQL', async () => {
      await custom(`/${uniqueTag()}`, '/about')
      expect([401, 403]).toContain((await rest('GET', '/redirects')).status)
      const result = await graphql('{ Redirects { docs { from } } }')
      expect(result.data?.Redirects ?? null).toBeNull()
    })
  })

  describe('featured and pinned', () => {
    it('leads the home page with the newest featured article, not simply the newest', async () => {
      const featured = await article({ featured: true, publishedAt: '2020-01-01T00:00:00.000Z' })
      await article({ publishedAt: new Date().toISOString() })
      expect((await getFeaturedLead())?.id).toBe(featured.id)
    })

    it('puts pinned articles first in their category listing', async () => {
      const pinned = await article({ pinned: true, publishedAt: '2019-01-01T00:00:00.000Z' })
      await article({ publishedAt: new Date().toISOString() })
      const listing = await getArticlesInCategories({ categoryIds: [categoryId], page: 1, limit: 10 })
      expect(listing.docs[0]?.id).toBe(pinned.id)
    })
  })
})
