import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StaffUser } from '../helpers/fixtures'

import { cleanupStaff, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { graphql, rest } from '../helpers/rest'

const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const
const idOf = (value: unknown) => (typeof value === 'object' && value !== null && 'id' in value ? value.id : value)

/** Issue #11, "Versions say who": every version of an article or page records the account that saved it. */
describe('Version history', () => {
  let payload: Payload
  let staff: Record<'editor' | 'writer', StaffUser>
  let categoryId: string
  let authorId: string
  const articleIds: string[] = []
  const pageIds: string[] = []

  beforeAll(async () => {
    payload = await getTestPayload()
    staff = await seedStaff(payload, ['editor', 'writer'])
    const tag = uniqueTag()
    categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `History ${tag}`, slug: `history-${tag}` } })).id
    authorId = (await payload.create({ ...system, collection: 'authors', data: { name: `Writer ${tag}`, slug: `writer-${tag}`, user: staff.writer.id } })).id
  })

  afterAll(async () => {
    await payload.delete({ ...system, collection: 'articles', where: { id: { in: articleIds } } })
    await payload.delete({ ...system, collection: 'pages', where: { id: { in: pageIds } } })
    await payload.delete({ ...system, collection: 'authors', where: { id: { equals: authorId } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
    await cleanupStaff(payload, staff)
  })

  /** The versions of a document, oldest first, with who saved each. */
  const savedBy = async (collection: 'articles' | 'pages', id: string) => {
    const { docs } = await payload.findVersions({ ...system, collection, where: { parent: { equals: id } }, sort: 'createdAt', pagination: false })
    return docs.map((version) => ({ autosave: Boolean((version as { autosave?: boolean }).autosave), by: version.version.lastEditedBy ?? null }))
  }

  const writeArticle = async () => {
    const { status, body } = await rest('POST', '/articles?draft=true', {
      token: staff.writer.token,
      body: { title: `Who ${uniqueTag()}`, category: categoryId, authors: [authorId], _status: 'draft' },
    })
    expect(status).toBe(201)
    articleIds.push(body.doc.id)
    return body.doc.id as string
  }

  it('records the writer on their draft and the editor on the edit that follows', async () => {
    const id = await writeArticle()
    const edit = await rest('PATCH', `/articles/${id}?draft=true`, { token: staff.editor.token, body: { excerpt: 'Tightened by the desk.' } })
    expect(edit.status).toBe(200)
    expect((await savedBy('articles', id)).map((version) => version.by)).toEqual([staff.writer.id, staff.editor.id])
  })

  it('records who autosaved, in the one version Payload keeps for a run of autosaves', async () => {
    const id = await writeArticle()
    for (const excerpt of ['First thought.', 'Second thought.']) {
      const { status } = await rest('PATCH', `/articles/${id}?draft=true&autosave=true`, { token: staff.editor.token, body: { excerpt } })
      expect(status).toBe(200)
    }
    expect(await savedBy('articles', id)).toEqual([
      { autosave: false, by: staff.writer.id },
      { autosave: true, by: staff.editor.id },
    ])
  })

  it('ignores a client that names someone else as the one who saved', async () => {
    const id = await writeArticle()
    await rest('PATCH', `/articles/${id}?draft=true`, { token: staff.writer.token, body: { excerpt: 'Mine.', lastEditedBy: staff.editor.id } })
    expect((await savedBy('articles', id)).at(-1)?.by).toBe(staff.writer.id)
  })

  it('records nobody for a save without an account (the seed, an import)', async () => {
    const id = await writeArticle()
    await payload.update({ ...system, collection: 'articles', id, draft: true, data: { excerpt: 'Imported.' } })
    expect((await savedBy('articles', id)).at(-1)?.by).toBeNull()
  })

  it('records who saved each version of a page', async () => {
    const { status, body } = await rest('POST', '/pages?draft=true', { token: staff.editor.token, body: { title: `About ${uniqueTag()}`, _status: 'draft' } })
    expect(status).toBe(201)
    pageIds.push(body.doc.id)
    expect((await savedBy('pages', body.doc.id)).map((version) => version.by)).toEqual([staff.editor.id])
  })

  describe('reader-facing reads', () => {
    let published: string

    beforeAll(async () => {
      const tag = uniqueTag()
      const { status, body } = await rest('POST', '/articles', {
        token: staff.editor.token,
        body: { title: `Public ${tag}`, slug: `public-${tag}`, category: categoryId, authors: [authorId], _status: 'published' },
      })
      expect(status).toBe(201)
      published = body.doc.id
      articleIds.push(published)
      expect(idOf(body.doc.lastEditedBy)).toBe(staff.editor.id)
    })

    it('leaves who saved it out of the public REST read, by id and in lists', async () => {
      const one = await rest('GET', `/articles/${published}`)
      expect(one.status).toBe(200)
      expect(one.body).not.toHaveProperty('lastEditedBy')
      const list = await rest('GET', `/articles?where[id][equals]=${published}&depth=1`)
      expect(list.body.docs).toHaveLength(1)
      expect(list.body.docs[0]).not.toHaveProperty('lastEditedBy')
    })

    it('does not let the public filter articles by who saved them', async () => {
      const { status, body } = await rest('GET', `/articles?where[lastEditedBy][equals]=${staff.editor.id}`)
      expect(status).toBe(400)
      expect(body.docs).toBeUndefined()
    })

    it('gives the public no editor through GraphQL', async () => {
      const result = await graphql(`{ Article(id: "${published}") { id lastEditedBy { id email } } }`)
      expect(result.data?.Article?.lastEditedBy ?? null).toBeNull()
    })

    it('shows staff who saved it', async () => {
      const { body } = await rest('GET', `/articles/${published}`, { token: staff.writer.token })
      expect(idOf(body.lastEditedBy)).toBe(staff.editor.id)
    })
  })
})
