import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'

import type { Newsroom, StaffUser } from '../helpers/fixtures'

import { placeholderImage } from '@/seed/images'

import { cleanupNewsroom, cleanupStaff, seedNewsroom, seedStaff } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { graphql, rest } from '../helpers/rest'

const PRIVATE_COMMENT_FIELDS = ['authorEmail', 'ipHash', 'userAgent']
// 'admin' first: when the users table is empty, the first account becomes admin whatever it asks for.
const ROLES: Role[] = ['admin', 'editor', 'writer', 'contributor', 'moderator']

describe('Access', () => {
  let payload: Payload
  let newsroom: Newsroom
  let staff: Record<Role, StaffUser>

  beforeAll(async () => {
    payload = await getTestPayload()
    newsroom = await seedNewsroom(payload)
    staff = await seedStaff(payload, ROLES)
  })

  afterAll(async () => {
    await cleanupNewsroom(payload, newsroom)
    await cleanupStaff(payload, staff)
  })

  const tokenOf = (who: Role | 'anonymous') => (who === 'anonymous' ? undefined : staff[who].token)
  const tagged = (path: string) => `${path}${path.includes('?') ? '&' : '?'}where[title][contains]=${newsroom.tag}&draft=true&limit=50`

  describe('articles', () => {
    it('shows anonymous readers only published articles over REST', async () => {
      const { status, body } = await rest('GET', tagged('/articles'))
      expect(status).toBe(200)
      expect(body.docs.map((d: { id: string }) => d.id)).toEqual([newsroom.published.id])
    })

    it('hides a draft from anonymous readers even by id', async () => {
      const { status } = await rest('GET', `/articles/${newsroom.draft.id}?draft=true`)
      expect([403, 404]).toContain(status)
    })

    it('refuses anonymous readers the version history', async () => {
      const { status, body } = await rest('GET', '/articles/versions')
      expect(status === 403 || body?.docs?.length === 0).toBe(true)
    })

    it('hides drafts over GraphQL', async () => {
      const result = await graphql(`{ Articles(draft: true, limit: 50, where: { title: { contains: "${newsroom.tag}" } }) { docs { id } } }`)
      expect(result.data.Articles.docs.map((d: { id: string }) => d.id)).toEqual([newsroom.published.id])
    })

    it('hides drafts from the Local API when access is not overridden', async () => {
      const { docs } = await payload.find({
        collection: 'articles',
        overrideAccess: false,
        draft: true,
        where: { title: { contains: newsroom.tag } },
      })
      expect(docs.map((d) => d.id)).toEqual([newsroom.published.id])
    })

    // The newsroom's draft belongs to nobody here: only roles that follow everyone's drafts see it
    // (tests/int/roles.int.spec.ts covers contributors' own drafts).
    it.each([
      ['admin', true],
      ['editor', true],
      ['writer', true],
      ['contributor', false],
      ['moderator', false],
    ] as const)('shows a %s someone else’s draft: %s', async (role, seesDraft) => {
      const { body } = await rest('GET', tagged('/articles'), { token: tokenOf(role) })
      const expected = seesDraft ? [newsroom.draft.id, newsroom.published.id] : [newsroom.published.id]
      expect(body.docs.map((d: { id: string }) => d.id).sort()).toEqual(expected.sort())
    })
  })

  describe('comments', () => {
    const visibleTo = {
      anonymous: ['approved'],
      writer: ['approved'],
      contributor: ['approved'],
      moderator: ['approved', 'pending', 'spam', 'trash'],
      editor: ['approved', 'pending', 'spam', 'trash'],
      admin: ['approved', 'pending', 'spam', 'trash'],
    } as const

    it.each(Object.entries(visibleTo))('shows a %s comments with statuses %j', async (who, statuses) => {
      const { status, body } = await rest('GET', `/comments?where[article][equals]=${newsroom.published.id}&limit=50`, {
        token: tokenOf(who as Role | 'anonymous'),
      })
      expect(status).toBe(200)
      expect(body.docs.map((d: { status: string }) => d.status).sort()).toEqual([...statuses].sort())
    })

    it('never gives anonymous readers an email, IP hash or user agent over REST', async () => {
      const { body } = await rest('GET', `/comments?where[article][equals]=${newsroom.published.id}`)
      for (const doc of body.docs) for (const field of PRIVATE_COMMENT_FIELDS) expect(doc).not.toHaveProperty(field)
    })

    it('never gives anonymous readers private comment fields or unapproved comments over GraphQL', async () => {
      const result = await graphql(
        `{ Comments(limit: 50, where: { article: { equals: "${newsroom.published.id}" } }) { docs { status authorEmail ipHash userAgent } } }`,
      )
      expect(result.data.Comments.docs).toEqual([{ status: 'approved', authorEmail: null, ipHash: null, userAgent: null }])
    })

    it('hides a pending comment from anonymous readers even by id', async () => {
      const { status } = await rest('GET', `/comments/${newsroom.comments.pending.id}`)
      expect([403, 404]).toContain(status)
    })

    it('lets a moderator read commenter emails', async () => {
      const { body } = await rest('GET', `/comments/${newsroom.comments.pending.id}`, { token: tokenOf('moderator') })
      expect(body.authorEmail).toBe(newsroom.comments.pending.authorEmail)
    })

    it('ignores status and private fields an anonymous client tries to set', async () => {
      const { status, body } = await rest('POST', '/comments', {
        headers: { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'vitest-reader' },
        body: {
          article: newsroom.published.id,
          authorName: 'Sneaky',
          authorEmail: `sneaky-${newsroom.tag}@example.net`,
          body: 'Approve me please',
          status: 'approved',
          ipHash: 'forged',
          userAgent: 'forged',
        },
      })
      expect(status).toBe(201)
      const stored = await payload.findByID({ collection: 'comments', id: body.doc.id, overrideAccess: true })
      expect(stored.status).toBe('pending')
      expect(stored.userAgent).toBe('vitest-reader')
      expect(stored.ipHash).toMatch(/^[0-9a-f]{64}$/)
      expect(stored.ipHash).not.toContain('203.0.113.7')
    })

    it.each([
      ['anonymous', 403],
      ['writer', 403],
      ['contributor', 403],
      ['moderator', 200],
      ['editor', 200],
      ['admin', 200],
    ] as const)('lets a %s change a comment status: HTTP %i', async (who, expected) => {
      const { status } = await rest('PATCH', `/comments/${newsroom.comments.spam.id}`, {
        token: tokenOf(who),
        body: { status: 'spam' },
      })
      expect(status).toBe(expected)
    })
  })

  describe('media', () => {
    // Which images each reader may read over REST and GraphQL: the public only what public pages show.
    type Image = 'draftHero' | 'newerDraftHero' | 'publishedHero' | 'bodyImage' | 'avatar' | 'unused'
    const IMAGES: Image[] = ['draftHero', 'newerDraftHero', 'publishedHero', 'bodyImage', 'avatar', 'unused']
    const PUBLIC_IMAGES: Image[] = ['publishedHero', 'bodyImage', 'avatar']
    const visibleTo: Record<Role | 'anonymous', Image[]> = {
      anonymous: PUBLIC_IMAGES,
      moderator: PUBLIC_IMAGES,
      contributor: PUBLIC_IMAGES,
      writer: IMAGES,
      editor: IMAGES,
      admin: IMAGES,
    }
    const images = {} as Record<Image, { id: string; alt: string; filename: string }>
    const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const
    let bodyArticleId = ''

    beforeAll(async () => {
      const png = await placeholderImage({ seed: newsroom.tag, width: 32, height: 32, motif: 'scene' })
      for (const name of IMAGES) {
        // The alt text a newsroom writes for a draft's image tends to give the draft away.
        const alt = PUBLIC_IMAGES.includes(name) ? `Image ${name} ${newsroom.tag}` : `Image ${name} for “${newsroom.draft.title}” ${newsroom.tag}`
        const file = { data: png, mimetype: 'image/png', name: `${name}-${newsroom.tag}.png`, size: png.length }
        const doc = await payload.create({ ...system, collection: 'media', data: { alt }, file })
        images[name] = { id: doc.id, alt, filename: doc.filename ?? '' }
      }
      await payload.update({ ...system, collection: 'articles', id: newsroom.draft.id, draft: true, data: { heroImage: images.draftHero.id } })
      await payload.update({ ...system, collection: 'articles', id: newsroom.published.id, data: { heroImage: images.publishedHero.id } })
      // A newer, unpublished draft of the published article with another hero: the public still sees the first.
      await payload.update({ ...system, collection: 'articles', id: newsroom.published.id, draft: true, data: { heroImage: images.newerDraftHero.id } })
      await payload.update({ ...system, collection: 'authors', id: newsroom.authorId, data: { avatar: images.avatar.id } })
      const body = {
        root: {
          type: 'root', direction: 'ltr', format: '', indent: 0, version: 1,
          children: [{ type: 'upload', relationTo: 'media', value: images.bodyImage.id, fields: null, format: '', version: 3 }],
        },
      }
      bodyArticleId = (
        await payload.create({
          ...system,
          collection: 'articles',
          data: { title: `Body ${newsroom.tag}`, slug: `body-${newsroom.tag}`, category: newsroom.categoryId, authors: [newsroom.authorId], content: body as never, _status: 'published' },
        })
      ).id
    })

    afterAll(async () => {
      await payload.delete({ ...system, collection: 'articles', id: bodyArticleId })
      await payload.update({ ...system, collection: 'authors', id: newsroom.authorId, data: { avatar: null } })
      for (const id of [newsroom.draft.id, newsroom.published.id]) await payload.update({ ...system, collection: 'articles', id, data: { heroImage: null } })
      await payload.delete({ ...system, collection: 'media', where: { id: { in: Object.values(images).map((image) => image.id) } } })
    })

    const nameOf = (id: string) => IMAGES.find((name) => images[name].id === id)

    it.each(Object.entries(visibleTo))('lists for %s over REST only the images %j', async (who, expected) => {
      const { status, body } = await rest('GET', `/media?where[alt][contains]=${newsroom.tag}&limit=50`, { token: tokenOf(who as Role | 'anonymous') })
      expect(status).toBe(200)
      expect(body.docs.map((doc: { id: string }) => nameOf(doc.id)).sort()).toEqual([...expected].sort())
      if (expected === PUBLIC_IMAGES) expect(JSON.stringify(body)).not.toContain(newsroom.draft.title)
    })

    it.each(Object.entries(visibleTo))('gives %s by id only the images %j', async (who, expected) => {
      for (const name of IMAGES) {
        const { status, body } = await rest('GET', `/media/${images[name].id}`, { token: tokenOf(who as Role | 'anonymous') })
        if (expected.includes(name)) expect([name, status, body.alt]).toEqual([name, 200, images[name].alt])
        else expect([name, status, JSON.stringify(body).includes(images[name].filename)]).toEqual([name, 404, false])
      }
    })

    it('hides a draft’s images from anonymous readers over GraphQL, by list and by id', async () => {
      const listed = await graphql(`{ allMedia(limit: 50, where: { alt: { contains: "${newsroom.tag}" } }) { docs { id alt filename } } }`)
      expect(listed.data.allMedia.docs.map((doc: { id: string }) => nameOf(doc.id)).sort()).toEqual([...PUBLIC_IMAGES].sort())
      const byId = await graphql(`{ Media(id: "${images.draftHero.id}") { alt filename } }`)
      expect(JSON.stringify(byId)).not.toContain(images.draftHero.filename)
      expect(JSON.stringify(byId)).not.toContain(newsroom.draft.title)
    })

    it('populates a published article’s hero for anonymous readers, and never the newer draft’s', async () => {
      const { body } = await rest('GET', `/articles/${newsroom.published.id}?depth=1`)
      expect(body.heroImage).toMatchObject({ id: images.publishedHero.id, alt: images.publishedHero.alt })
      expect(JSON.stringify(body)).not.toContain(images.newerDraftHero.filename)
    })

    it('shows an image to the public once its draft is published', async () => {
      expect((await rest('GET', `/media/${images.draftHero.id}`)).status).toBe(404)
      await payload.update({ ...system, collection: 'articles', id: newsroom.draft.id, data: { _status: 'published' } })
      try {
        const { status, body } = await rest('GET', `/media/${images.draftHero.id}`)
        expect([status, body.alt]).toEqual([200, images.draftHero.alt])
      } finally {
        await payload.update({ ...system, collection: 'articles', id: newsroom.draft.id, data: { _status: 'draft' } })
      }
      expect((await rest('GET', `/media/${images.draftHero.id}`)).status).toBe(404)
    })

    it('serves the files themselves to anyone, as next/image fetches them without cookies', async () => {
      const { REST_GET } = await import('@payloadcms/next/routes')
      const config = (await import('@payload-config')).default
      for (const name of ['publishedHero', 'draftHero'] as const) {
        const slug = ['media', 'file', images[name].filename]
        const response = await REST_GET(config)(new Request(`http://localhost:3000/api/${slug.join('/')}`), { params: Promise.resolve({ slug }) })
        expect([name, response.status, response.headers.get('content-type')]).toEqual([name, 200, 'image/webp'])
      }
    })
  })

  describe('users', () => {
    it('does not let a writer raise their own role', async () => {
      const writer = staff.writer
      await rest('PATCH', `/users/${writer.id}`, { token: writer.token, body: { roles: ['admin'] } })
      const stored = await payload.findByID({ collection: 'users', id: writer.id, overrideAccess: true })
      expect(stored.roles).toEqual(['writer'])
    })

    it('keeps the staff list from anonymous readers', async () => {
      const { status } = await rest('GET', '/users')
      expect(status).toBe(403)
    })
  })
})
