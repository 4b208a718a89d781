import type { Payload, PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'
import { createLocalReq } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'

import { findDuplicates } from '@/media/contentHash'
import { findMediaUsage, mediaUsedBy } from '@/media/usage'
import { doc, image, p as paragraph } from '@/seed/lexical'
import { placeholderImage } from '@/seed/images'

import type { StaffUser } from '../helpers/fixtures'

import { cleanupStaff, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { graphql, rest } from '../helpers/rest'

/**
 * The media library (issue #11, item 15): the hash of each upload and the notice of a duplicate,
 * "Used in" kept up to date as articles and pages change, and neither readable by the public.
 */

const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('Media library', () => {
  let payload: Payload
  let staff: Record<Role, StaffUser>
  let categoryId: string
  let authorId: string
  let made: { collection: 'articles' | 'pages' | 'authors' | 'cast' | 'media'; id: string }[] = []

  beforeAll(async () => {
    payload = await getTestPayload()
    staff = await seedStaff(payload, ['editor', 'writer', 'contributor'])
    const tag = uniqueTag()
    categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `Media ${tag}`, slug: `media-${tag}` } })).id
    authorId = (await payload.create({ ...system, collection: 'authors', data: { name: `Media ${tag}`, slug: `media-${tag}` } })).id
  })

  afterEach(async () => {
    // Users of an image first, then the image.
    for (const { collection, id } of made.reverse()) await payload.delete({ ...system, collection, where: { id: { equals: id } } })
    made = []
  })

  afterAll(async () => {
    await payload.delete({ ...system, collection: 'authors', where: { id: { equals: authorId } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
    await cleanupStaff(payload, staff)
  })

  const reqAs = async (role: Role | null): Promise<PayloadRequest> => {
    const user = role ? await payload.findByID({ ...system, collection: 'users', id: staff[role].id }) : null
    return createLocalReq({ user: user ? { ...user, collection: 'users' } : undefined }, payload)
  }

  const bytes = (seed: string) => placeholderImage({ seed, width: 64, height: 48, motif: 'scene' })

  /** Uploads over REST as `role`, as the admin's upload form does (multipart, the file and `_payload`). */
  const upload = async (role: Role, file: Buffer, data: Record<string, unknown> = {}) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(file)], { type: 'image/png' }), `${uniqueTag()}.png`)
    form.append('_payload', JSON.stringify({ alt: `Image ${uniqueTag()}`, ...data }))
    const { status, body } = await rest('POST', '/media', { token: staff[role].token, body: form })
    expect(status, JSON.stringify(body?.errors)).toBe(201)
    made.push({ collection: 'media', id: body.doc.id })
    return body.doc as { id: string; alt: string; filename: string }
  }

  const storedHash = async (id: string) => (await payload.findByID({ ...system, collection: 'media', id })).contentHash
  const createdAt = async (id: string) => (await payload.findByID({ ...system, collection: 'media', id })).createdAt

  const article = async (data: Record<string, unknown>, { draft = false } = {}) => {
    const created = await payload.create({
      ...system,
      collection: 'articles',
      draft,
      data: { title: `Article ${uniqueTag()}`, slug: uniqueTag(), category: categoryId, authors: [authorId], _status: draft ? 'draft' : 'published', ...data },
    })
    made.push({ collection: 'articles', id: created.id })
    return created
  }

  const usage = async (mediaId: string, role: Role = 'editor') => (await findMediaUsage({ req: await reqAs(role), id: mediaId })).uses

  describe('the content hash', () => {
    it('stores the SHA-256 of the bytes that were uploaded', async () => {
      const file = await bytes(`hash-${uniqueTag()}`)
      const { id } = await upload('writer', file)
      expect(await storedHash(id)).toBe(sha256(file))
    })

    it('keeps the hash when only the alt text changes', async () => {
      const file = await bytes(`keep-${uniqueTag()}`)
      const { id } = await upload('writer', file)
      const { status } = await rest('PATCH', `/media/${id}`, { token: staff.writer.token, body: { alt: 'A new description' } })
      expect(status).toBe(200)
      expect(await storedHash(id)).toBe(sha256(file))
    })

    it('ignores a hash sent by the client', async () => {
      const file = await bytes(`forged-${uniqueTag()}`)
      const { id } = await upload('editor', file, { contentHash: 'f'.repeat(64) })
      expect(await storedHash(id)).toBe(sha256(file))
      await rest('PATCH', `/media/${id}`, { token: staff.editor.token, body: { contentHash: '0'.repeat(64) } })
      expect(await storedHash(id)).toBe(sha256(file))
    })
  })

  describe('a duplicate upload', () => {
    it('is kept, and names the earlier upload of the same bytes', async () => {
      const file = await bytes(`dup-${uniqueTag()}`)
      const first = await upload('writer', file, { alt: 'The first upload' })
      const second = await upload('writer', file, { alt: 'The second upload' })
      const req = await reqAs('writer')
      const found = await findDuplicates({ req, id: second.id, hash: sha256(file), createdAt: await createdAt(second.id) })
      expect(found).toEqual({ readable: [{ id: first.id, alt: 'The first upload', filename: first.filename }], hidden: 0 })
      // The first upload is the one to keep: it points to no later copy.
      expect(await findDuplicates({ req, id: first.id, hash: sha256(file), createdAt: await createdAt(first.id) })).toEqual({ readable: [], hidden: 0 })
    })

    it('is not reported for different bytes', async () => {
      const first = await upload('writer', await bytes(`a-${uniqueTag()}`))
      const second = await upload('writer', await bytes(`b-${uniqueTag()}`))
      const hash = await storedHash(second.id)
      expect(hash).not.toBe(await storedHash(first.id))
      expect(await findDuplicates({ req: await reqAs('writer'), id: second.id, hash: String(hash), createdAt: await createdAt(second.id) })).toEqual({ readable: [], hidden: 0 })
    })

    it('is counted but not named for a contributor who may not read the earlier one', async () => {
      const file = await bytes(`hidden-${uniqueTag()}`)
      await upload('writer', file, { alt: 'A draft’s secret picture' })
      const mine = await upload('contributor', file)
      const found = await findDuplicates({ req: await reqAs('contributor'), id: mine.id, hash: sha256(file), createdAt: await createdAt(mine.id) })
      expect(found).toEqual({ readable: [], hidden: 1 })
    })
  })

  describe('where an image is used', () => {
    it('lists the bodies, heroes and sharing images that use it, as found in the content', () => {
      const content = doc(paragraph('Text'), image('m-body', 'A caption'))
      expect(mediaUsedBy({ heroImage: 'm-hero', meta: { image: { id: 'm-og' } }, content }).sort()).toEqual(['m-body', 'm-hero', 'm-og'])
      expect(mediaUsedBy({ heroImage: 'm-1', meta: { image: 'm-1' }, content: doc(image('m-1', '')) })).toEqual(['m-1'])
    })

    it('follows an article as it is created, edited and deleted', async () => {
      const { id: mediaId } = await upload('editor', await bytes(`use-${uniqueTag()}`))
      expect(await usage(mediaId)).toEqual([])

      const story = await article({ heroImage: mediaId })
      expect(await usage(mediaId)).toEqual([{ collection: 'articles', id: story.id, title: story.title, status: 'published', places: ['hero'] }])

      // Moved from the hero into the body, published.
      await payload.update({ ...system, collection: 'articles', id: story.id, data: { heroImage: null, content: doc(image(mediaId, 'Now inline')) } })
      expect((await usage(mediaId)).map((use) => use.places)).toEqual([['body']])

      // A draft without it leaves the published article using it until the draft is published.
      await payload.update({ ...system, collection: 'articles', id: story.id, draft: true, data: { content: doc(paragraph('No picture')), _status: 'draft' } })
      expect((await usage(mediaId)).map((use) => use.id)).toEqual([story.id])
      await payload.update({ ...system, collection: 'articles', id: story.id, data: { _status: 'published' } })
      expect(await usage(mediaId)).toEqual([])

      await payload.update({ ...system, collection: 'articles', id: story.id, data: { meta: { image: mediaId } } })
      expect((await usage(mediaId)).map((use) => use.places)).toEqual([['sharing image']])
      await payload.delete({ ...system, collection: 'articles', id: story.id })
      expect(await usage(mediaId)).toEqual([])
    })

    it('finds an image placed only in an unpublished draft', async () => {
      const { id: mediaId } = await upload('editor', await bytes(`draft-${uniqueTag()}`))
      const story = await article({ content: doc(image(mediaId, 'Draft only')) }, { draft: true })
      expect(await usage(mediaId)).toEqual([{ collection: 'articles', id: story.id, title: story.title, status: 'draft', places: ['body'] }])
    })

    it('does not tell a contributor the title of someone else’s draft', async () => {
      const { id: mediaId } = await upload('contributor', await bytes(`secret-${uniqueTag()}`))
      const story = await article({ heroImage: mediaId }, { draft: true })
      expect((await usage(mediaId, 'editor')).map((use) => use.id)).toEqual([story.id])
      expect(await usage(mediaId, 'contributor')).toEqual([])
    })

    it('keeps the list when an edit does not touch the images', async () => {
      const { id: mediaId } = await upload('editor', await bytes(`title-${uniqueTag()}`))
      const story = await article({ heroImage: mediaId })
      const { status } = await rest('PATCH', `/articles/${story.id}`, { token: staff.editor.token, body: { title: 'Retitled' } })
      expect(status).toBe(200)
      expect((await usage(mediaId)).map((use) => [use.title, use.places])).toEqual([['Retitled', ['hero']]])
    })

    it('lists pages, author avatars and cast photos', async () => {
      const { id: mediaId } = await upload('editor', await bytes(`people-${uniqueTag()}`))
      const page = await payload.create({ ...system, collection: 'pages', data: { title: `Page ${uniqueTag()}`, slug: uniqueTag(), _status: 'published', content: doc(image(mediaId, '')) } })
      made.push({ collection: 'pages', id: page.id })
      const author = await payload.create({ ...system, collection: 'authors', data: { name: `Avatar ${uniqueTag()}`, slug: uniqueTag(), avatar: mediaId } })
      made.push({ collection: 'authors', id: author.id })
      const member = await payload.create({ ...system, collection: 'cast', data: { name: `Photo ${uniqueTag()}`, slug: uniqueTag(), photo: mediaId } })
      made.push({ collection: 'cast', id: member.id })
      const uses = await usage(mediaId)
      expect(uses.map((use) => [use.collection, use.id, use.places]).sort()).toEqual(
        [
          ['authors', author.id, ['avatar']],
          ['cast', member.id, ['photo']],
          ['pages', page.id, ['body']],
        ].sort(),
      )
    })
  })

  describe('access', () => {
    /** An image a published article shows, so that the public may read the image itself. */
    const publicImage = async () => {
      const file = await bytes(`public-${uniqueTag()}`)
      const media = await upload('editor', file)
      const story = await article({ heroImage: media.id })
      return { media, story, hash: sha256(file) }
    }

    it('gives the hash and the list of uses to staff over REST', async () => {
      const { media, story, hash } = await publicImage()
      expect((await rest('GET', `/media/${media.id}`, { token: staff.contributor.token })).body.contentHash).toBe(hash)
      const used = (await rest('GET', `/articles/${story.id}?depth=0`, { token: staff.writer.token })).body.mediaUsed
      expect(used).toEqual([media.id])
    })

    it('never shows the hash or the list of uses to an anonymous reader over REST', async () => {
      const { media, story } = await publicImage()
      const image = await rest('GET', `/media/${media.id}`)
      expect(image.status).toBe(200)
      expect(image.body).not.toHaveProperty('contentHash')
      const published = await rest('GET', `/articles/${story.id}`)
      expect(published.status).toBe(200)
      expect(published.body).not.toHaveProperty('mediaUsed')
    })

    it('does not let an anonymous reader search by hash or by use', async () => {
      const { media, hash } = await publicImage()
      const byHash = await rest('GET', `/media?where[contentHash][equals]=${hash}`)
      expect(byHash.body?.docs ?? []).toEqual([])
      expect(byHash.status).toBeGreaterThanOrEqual(400)
      const byUse = await rest('GET', `/articles?where[mediaUsed][equals]=${media.id}`)
      expect(byUse.body?.docs ?? []).toEqual([])
      expect(byUse.status).toBeGreaterThanOrEqual(400)
    })

    it('never shows them to an anonymous reader over GraphQL, and does to staff', async () => {
      const { media, story, hash } = await publicImage()
      const query = `{ Media(id: "${media.id}") { id contentHash } Article(id: "${story.id}") { id mediaUsed { id } } }`
      const anonymous = await graphql(query)
      expect(anonymous.data?.Media?.contentHash ?? null).toBeNull()
      // Payload answers a hasMany field the reader may not read with an empty list.
      expect(anonymous.data?.Article?.mediaUsed ?? []).toEqual([])
      const editor = await graphql(query, staff.editor.token)
      expect(editor.data.Media.contentHash).toBe(hash)
      expect(editor.data.Article.mediaUsed).toEqual([{ id: media.id }])
    })
  })
})
