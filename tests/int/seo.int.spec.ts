import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { placeholderImage } from '@/seed/images'

import type { StaffUser } from '../helpers/fixtures'

import { fitText } from '../../collections/Articles/seo'
import { cleanupStaff, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

/**
 * SEO fields on articles (@payloadcms/plugin-seo): `meta.title`, `meta.description` and
 * `meta.image`, which the reader site uses for its <title>, description and social image, and
 * the admin's "Auto-generate" buttons, which fill them from the article.
 */

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const

describe('SEO fields', () => {
  let payload: Payload
  let writer: StaffUser
  let authorId: string
  let categoryId: string
  let imageId: string
  const made: string[] = []

  beforeAll(async () => {
    payload = await getTestPayload()
    writer = (await seedStaff(payload, ['writer'])).writer
    const tag = uniqueTag()
    authorId = (await payload.create({ ...system, collection: 'authors', data: { name: `SEO ${tag}`, slug: `seo-${tag}`, user: writer.id } })).id
    categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `SEO ${tag}`, slug: `seo-${tag}` } })).id
    const image = await placeholderImage({ seed: tag, width: 64, height: 36, motif: 'scene' })
    imageId = (
      await payload.create({
        ...system,
        collection: 'media',
        data: { alt: `Hero ${tag}` },
        file: { data: image, mimetype: 'image/png', name: `${tag}.png`, size: image.length },
      })
    ).id
  })

  afterAll(async () => {
    await payload.delete({ ...system, collection: 'articles', where: { id: { in: made } } })
    await payload.delete({ ...system, collection: 'media', where: { id: { equals: imageId } } })
    await payload.delete({ ...system, collection: 'authors', where: { id: { equals: authorId } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
    await cleanupStaff(payload, { writer })
  })

  const generate = (what: 'title' | 'description' | 'image', doc: Record<string, unknown>, { anonymous = false } = {}) =>
    rest('POST', `/plugin-seo/generate-${what}`, { token: anonymous ? undefined : writer.token, body: { collectionSlug: 'articles', doc } })

  it('stores meta.title, meta.description and meta.image, and readers receive them', async () => {
    const meta = { title: 'Heartstopper season three: what we know · Byline', description: 'Dates, cast and the story so far.', image: imageId }
    const { status, body } = await rest('POST', '/articles', {
      token: writer.token,
      body: { title: `Meta ${uniqueTag()}`, category: categoryId, authors: [authorId], _status: 'published', meta },
    })
    expect(status).toBe(201)
    made.push(body.doc.id)
    const { body: read } = await rest('GET', `/articles/${body.doc.id}?depth=0`)
    expect(read.meta).toEqual(meta)
  })

  it('generates the title from the headline, with the site’s name when it fits', async () => {
    expect((await generate('title', { title: 'Season three starts filming' })).body.result).toBe('Season three starts filming · Byline')
    const long = 'Everything we know about the second season of the television adaptation, so far'
    const { result } = (await generate('title', { title: long })).body
    expect(result.length).toBeLessThanOrEqual(60)
    expect(result).toMatch(/^Everything we know about the second season of the\b.*…$/)
  })

  it('generates the description from the excerpt, cut at a word within 150 characters', async () => {
    const excerpt = 'The cast return to the Kent coast in the spring. '.repeat(6)
    const { result } = (await generate('description', { excerpt })).body
    expect(result.length).toBeLessThanOrEqual(150)
    expect(result.endsWith('…')).toBe(true)
    expect(excerpt.startsWith(result.slice(0, -1))).toBe(true)
    expect((await generate('description', { excerpt: 'Short and sweet.' })).body.result).toBe('Short and sweet.')
  })

  it('generates the image from the hero image', async () => {
    expect((await generate('image', { heroImage: imageId })).body.result).toBe(imageId)
    expect((await generate('image', { heroImage: { id: imageId, alt: 'populated' } })).body.result).toBe(imageId)
  })

  it('generates nothing for someone who is not logged in', async () => {
    const { status } = await generate('title', { title: 'Anything' }, { anonymous: true })
    expect(status).toBe(401)
  })

  it('cuts text at a word boundary', () => {
    expect(fitText('one two three four', 12)).toBe('one two…')
    expect(fitText('  spaced   out  ', 50)).toBe('spaced out')
  })
})
