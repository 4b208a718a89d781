import type { CollectionSlug, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'

import { placeholderImage } from '@/seed/images'
import { block, doc, h2, p } from '@/seed/lexical'

import type { StaffUser } from '../helpers/fixtures'
import type { RestResponse } from '../helpers/rest'

import { cleanupStaff, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const
// 'admin' first: on an empty users table the first account becomes admin whatever it asks for.
const ROLES: Role[] = ['admin', 'editor', 'writer']

/** The messages a 400 response shows the editor, by field path. */
function fieldErrors(response: RestResponse): Record<string, string> {
  expect(response.status, JSON.stringify(response.body)).toBe(400)
  const errors: { path: string; message: string }[] = response.body.errors.flatMap(
    (error: { data?: { errors?: { path: string; message: string }[] } }) => error.data?.errors ?? [],
  )
  return Object.fromEntries(errors.map(({ path, message }) => [path, message]))
}

describe('Validation', () => {
  let payload: Payload
  let staff: Record<Role, StaffUser>
  const tag = uniqueTag()
  const created: { collection: CollectionSlug; id: string }[] = []
  let categoryId: string
  let authorId: string

  /** Creates over REST as the given role and remembers the record for cleanup. */
  async function createAs(role: Role, collection: CollectionSlug, body: unknown): Promise<RestResponse> {
    const response = await rest('POST', `/${collection}`, { token: staff[role].token, body })
    if (response.body?.doc?.id) created.push({ collection, id: response.body.doc.id })
    return response
  }

  beforeAll(async () => {
    payload = await getTestPayload()
    staff = await seedStaff(payload, ROLES)
    const category = await createAs('editor', 'categories', { name: `Validation ${tag}` })
    // Linked to the writer, so the articles they create below are under their own byline.
    const author = await createAs('editor', 'authors', { name: `Validation Author ${tag}`, user: staff.writer.id })
    categoryId = category.body.doc.id
    authorId = author.body.doc.id
  })

  afterAll(async () => {
    // Newest first: articles before the author and category they point at.
    for (const { collection, id } of created.reverse()) await payload.delete({ ...system, collection, id })
    await cleanupStaff(payload, staff)
  })

  describe('categories', () => {
    it.each(['admin', 'api', 'authors', 'search', 'feed', 'rss'])('refuses the reserved slug %s with a message saying why', async (slug) => {
      const errors = fieldErrors(await createAs('editor', 'categories', { name: `Reserved ${tag}`, slug }))
      expect(errors.slug).toBe(`"${slug}" is already a page of the site (/${slug}), so it cannot name a category. Choose another slug.`)
    })

    it('refuses a name whose generated slug is reserved', async () => {
      const errors = fieldErrors(await createAs('editor', 'categories', { name: 'API' }))
      expect(errors.slug).toContain('"api" is already a page of the site')
    })

    it('turns a file-like slug such as feed.xml into one that cannot shadow /feed.xml', async () => {
      const { status, body } = await createAs('editor', 'categories', { name: `Feed ${tag}`, slug: 'feed.xml' })
      expect(status).toBe(201)
      expect(body.doc.slug).toBe('feed-xml')
    })

    it('refuses a category nested under itself', async () => {
      const errors = fieldErrors(await rest('PATCH', `/categories/${categoryId}`, { token: staff.editor.token, body: { parent: categoryId } }))
      expect(errors.parent).toBe('A category cannot be nested under itself or one of its subcategories.')
    })

    it('refuses a category nested under its own grandchild', async () => {
      const child = await createAs('editor', 'categories', { name: `Child ${tag}`, parent: categoryId })
      const grandchild = await createAs('editor', 'categories', { name: `Grandchild ${tag}`, parent: child.body.doc.id })
      expect([child.status, grandchild.status]).toEqual([201, 201])
      const response = await rest('PATCH', `/categories/${categoryId}`, { token: staff.editor.token, body: { parent: grandchild.body.doc.id } })
      expect(fieldErrors(response).parent).toBe('A category cannot be nested under itself or one of its subcategories.')
      const stored = await payload.findByID({ ...system, collection: 'categories', id: categoryId })
      expect(stored.parent ?? null).toBeNull()
    })
  })

  describe('articles', () => {
    const article = (fields: Record<string, unknown>) => ({ category: categoryId, authors: [authorId], ...fields })

    it('makes the slug from the title', async () => {
      const { status, body } = await createAs('writer', 'articles', article({ title: `Season Two: What’s Next? ${tag}` }))
      expect(status).toBe(201)
      expect(body.doc.slug).toBe(`season-two-what-s-next-${tag}`)
    })

    it('normalises a slug typed by hand', async () => {
      const { body } = await createAs('writer', 'articles', article({ title: `Typed ${tag}`, slug: `  My Typed Slug ${tag} ` }))
      expect(body.doc.slug).toBe(`my-typed-slug-${tag}`)
    })

    it('refuses a second article with the same slug, naming the slug field', async () => {
      const title = `Twice Told ${tag}`
      expect((await createAs('writer', 'articles', article({ title }))).status).toBe(201)
      const errors = fieldErrors(await createAs('writer', 'articles', article({ title, _status: 'draft' })))
      expect(errors.slug).toMatch(/unique/i)
    })

    it('refuses a video embed that is not YouTube or Vimeo, with an example of what works', async () => {
      const content = doc(h2('Trailer'), block('videoEmbed', { url: 'https://www.dailymotion.com/video/x8abcd1', title: 'Trailer' }))
      const errors = fieldErrors(await createAs('writer', 'articles', article({ title: `Bad Video ${tag}`, content })))
      expect(errors['content.url']).toBe(
        'Paste a YouTube or Vimeo video address, for example https://www.youtube.com/watch?v=… or https://vimeo.com/123456789.',
      )
    })

    it('accepts a YouTube video embed', async () => {
      const content = doc(p('Watch:'), block('videoEmbed', { url: 'https://youtu.be/dQw4w9WgXcQ', title: 'Trailer' }))
      const { status } = await createAs('writer', 'articles', article({ title: `Good Video ${tag}`, content }))
      expect(status).toBe(201)
    })
  })

  describe('authors', () => {
    it('refuses a bio longer than 500 characters', async () => {
      const errors = fieldErrors(await createAs('writer', 'authors', { name: `Wordy ${tag}`, bio: 'x'.repeat(501) }))
      expect(errors.bio).toMatch(/500/)
    })

    it('accepts a bio of exactly 500 characters', async () => {
      const { status } = await createAs('writer', 'authors', { name: `Concise ${tag}`, bio: 'x'.repeat(500) })
      expect(status).toBe(201)
    })
  })

  describe('media', () => {
    async function upload(data: Record<string, unknown>): Promise<RestResponse> {
      const image = await placeholderImage({ seed: tag, width: 64, height: 64, motif: 'portrait' })
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), `${tag}.png`)
      form.append('_payload', JSON.stringify(data))
      return createAs('writer', 'media', form)
    }

    it('refuses an image without alt text', async () => {
      const errors = fieldErrors(await upload({ credit: 'Test' }))
      expect(Object.keys(errors)).toEqual(['alt'])
    })

    it('accepts the same image with alt text', async () => {
      const { status, body } = await upload({ alt: 'A placeholder portrait' })
      expect(status).toBe(201)
      expect(body.doc.alt).toBe('A placeholder portrait')
    })
  })
})
