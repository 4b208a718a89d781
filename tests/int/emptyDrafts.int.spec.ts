import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StaffUser } from '../helpers/fixtures'

import { cleanupStaff, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const

type Listed = { id: string; collection: string; lastEditedBy: unknown }

/** Issue #11, "No stray drafts": editors find and clear the drafts "Create New" left empty. */
describe('Empty drafts', () => {
  let payload: Payload
  let staff: Record<'editor' | 'writer', StaffUser>
  let categoryId: string
  let authorId: string
  const made: { collection: 'articles' | 'pages'; id: string }[] = []

  beforeAll(async () => {
    payload = await getTestPayload()
    staff = await seedStaff(payload, ['editor', 'writer'])
    const tag = uniqueTag()
    categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `Empty ${tag}`, slug: `empty-${tag}` } })).id
    authorId = (await payload.create({ ...system, collection: 'authors', data: { name: `Author ${tag}`, slug: `author-${tag}` } })).id
  })

  afterAll(async () => {
    for (const collection of ['articles', 'pages'] as const) {
      const ids = made.filter((record) => record.collection === collection).map((record) => record.id)
      await payload.delete({ ...system, collection, where: { id: { in: ids } } })
    }
    await payload.delete({ ...system, collection: 'authors', where: { id: { equals: authorId } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
    await cleanupStaff(payload, staff)
  })

  /** What "Create New" creates with autosave on: a draft with nothing typed into it. */
  const draft = async (collection: 'articles' | 'pages', data: Record<string, unknown> = {}) => {
    const doc = await payload.create({ ...system, collection, draft: true, data: { _status: 'draft', ...data } })
    made.push({ collection, id: doc.id })
    return doc.id
  }

  const list = async (collection: 'articles' | 'pages', query = '?olderThanMinutes=0') => {
    const { status, body } = await rest('GET', `/${collection}/empty-drafts${query}`, { token: staff.editor.token })
    expect(status).toBe(200)
    return (body.docs as Listed[]).map((doc) => doc.id)
  }

  const exists = async (collection: 'articles' | 'pages', id: string) =>
    (await payload.findByID({ ...system, collection, id, draft: true, disableErrors: true })) !== null

  it('lists untouched drafts and leaves out those with a title, an excerpt or body text', async () => {
    const empty = await draft('articles')
    const titled = await draft('articles', { title: `Kept ${uniqueTag()}` })
    const excerpted = await draft('articles', { excerpt: 'A line for the listing.' })
    const bodied = await draft('articles', {
      content: { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text: 'Lede.', version: 1 }] }] } },
    })
    const listed = await list('articles')
    expect(listed).toContain(empty)
    for (const id of [titled, excerpted, bodied]) expect(listed).not.toContain(id)
  })

  it('judges a draft by its latest version, not by the empty record it was created as', async () => {
    const id = await draft('articles')
    await payload.update({ ...system, collection: 'articles', id, draft: true, data: { title: `Written since ${uniqueTag()}` } })
    expect(await list('articles')).not.toContain(id)
  })

  it('leaves out a draft that was once published', async () => {
    const id = await draft('articles', { title: `Once live ${uniqueTag()}`, slug: uniqueTag(), category: categoryId, authors: [authorId] })
    await payload.update({ ...system, collection: 'articles', id, data: { _status: 'published' } })
    await payload.update({ ...system, collection: 'articles', id, draft: true, data: { _status: 'draft', title: '' } })
    expect(await list('articles')).not.toContain(id)
  })

  it('leaves out a fresh draft someone may be about to write in', async () => {
    const id = await draft('articles')
    expect(await list('articles', '')).not.toContain(id)
    expect(await list('articles', '?olderThanMinutes=60')).not.toContain(id)
  })

  it('deletes the listed drafts that are still empty and keeps one written in since', async () => {
    const empty = await draft('pages')
    const writtenIn = await draft('pages')
    await payload.update({ ...system, collection: 'pages', id: writtenIn, draft: true, data: { title: `Now titled ${uniqueTag()}` } })
    const { status, body } = await rest('POST', '/pages/empty-drafts/delete?olderThanMinutes=0', { token: staff.editor.token, body: { ids: [empty, writtenIn] } })
    expect(status).toBe(200)
    expect(body).toEqual({ deleted: [empty], kept: [writtenIn] })
    expect(await exists('pages', empty)).toBe(false)
    expect(await exists('pages', writtenIn)).toBe(true)
  })

  it('refuses writers, even for their own empty drafts', async () => {
    const id = await draft('articles')
    const listing = await rest('GET', '/articles/empty-drafts?olderThanMinutes=0', { token: staff.writer.token })
    expect(listing.status).toBe(403)
    expect(listing.body.errors[0].message).toBe('Only editors and admins clear empty drafts.')
    const deletion = await rest('POST', '/articles/empty-drafts/delete?olderThanMinutes=0', { token: staff.writer.token, body: { ids: [id] } })
    expect(deletion.status).toBe(403)
    expect(await exists('articles', id)).toBe(true)
  })

  it.each([
    ['a negative age', '/articles/empty-drafts?olderThanMinutes=-5', 'GET', undefined],
    ['an age that is not a number', '/articles/empty-drafts?olderThanMinutes=soon', 'GET', undefined],
    ['no ids', '/articles/empty-drafts/delete', 'POST', {}],
    ['ids that are not strings', '/articles/empty-drafts/delete', 'POST', { ids: [1, 2] }],
    ['too many ids', '/articles/empty-drafts/delete', 'POST', { ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) }],
  ] as const)('answers %s with 400 and what to send', async (_, path, method, body) => {
    const { status, body: answer } = await rest(method, path, { token: staff.editor.token, body })
    expect(status).toBe(400)
    expect(answer.errors[0].message).toMatch(/olderThanMinutes|ids/)
  })
})
