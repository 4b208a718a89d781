import type { CollectionSlug, Payload, Where } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SeedSummary } from '@/seed'
import type { Article, Comment } from '@/payload-types'

import { seed } from '@/seed'
import { authors, cast, demoUsers, REFERENCE_SLUG } from '@/seed/data'

import { getTestPayload } from '../helpers/payload'
import { REFERENCE_SECTIONS } from '../helpers/referencePage'
import { login } from '../helpers/rest'

const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const

// Children before parents, so no delete trips over a reference to something already gone.
const SEEDED: CollectionSlug[] = ['article-views', 'comments', 'articles', 'authors', 'cast', 'categories', 'tags', 'pages', 'media', 'users']

type LexicalNode = { type: string; tag?: string; text?: string; children?: LexicalNode[]; fields?: Record<string, unknown> }

const textOf = (node: LexicalNode): string => node.text ?? (node.children ?? []).map(textOf).join('')

/** The top-level nodes of an article body, grouped under the h2 they follow ('' for the lead). */
function sectionsOf(article: Article): Map<string, LexicalNode[]> {
  const sections = new Map<string, LexicalNode[]>([['', []]])
  let current = ''
  for (const node of (article.content?.root.children ?? []) as LexicalNode[]) {
    if (node.type === 'heading' && node.tag === 'h2') {
      current = textOf(node)
      sections.set(current, [])
    } else {
      sections.get(current)?.push(node)
    }
  }
  return sections
}

const blocksOf = (nodes: LexicalNode[], blockType: string) =>
  nodes.filter((node) => node.type === 'block' && node.fields?.blockType === blockType)

describe('Demo seed', () => {
  let payload: Payload
  let before: Record<string, Set<string>>
  let first: SeedSummary
  let reference: Article
  const dataDir = process.env.DATA_DIR ?? ''
  const credentialsFile = () => path.join(dataDir, 'demo-credentials.txt')

  async function idsIn(collection: CollectionSlug): Promise<string[]> {
    const { docs } = await payload.find({ ...system, collection, pagination: false, select: {} })
    return docs.map((doc) => String(doc.id))
  }

  /** Matches the records the seed added: those not in the database before it ran. */
  const addedBySeed = (collection: CollectionSlug): Where => {
    const existing = [...(before[collection] ?? [])]
    return existing.length > 0 ? { id: { not_in: existing } } : {}
  }

  async function counts(): Promise<Record<string, number>> {
    const entries = await Promise.all(
      SEEDED.map(async (collection) => [collection, (await payload.count({ ...system, collection })).totalDocs] as const),
    )
    return Object.fromEntries(entries)
  }

  beforeAll(async () => {
    payload = await getTestPayload()
    // Other files share this database one at a time; remember what was there to remove only the seed's records.
    before = {}
    for (const collection of SEEDED) before[collection] = new Set(await idsIn(collection))
    first = await seed({ payload, dataDir })
    const { docs } = await payload.find({ ...system, collection: 'articles', where: { slug: { equals: REFERENCE_SLUG } } })
    const [found] = docs
    if (!found) throw new Error(`the seed did not create ${REFERENCE_SLUG}`)
    reference = found
  })

  afterAll(async () => {
    if (!payload) return
    for (const collection of SEEDED) {
      const added = (await idsIn(collection)).filter((id) => !before[collection]?.has(id))
      if (added.length > 0) await payload.delete({ ...system, collection, where: { id: { in: added } } })
    }
    fs.rmSync(credentialsFile(), { force: true })
  })

  describe('staff', () => {
    it('creates the five demo accounts with their roles', async () => {
      const { docs } = await payload.find({ ...system, collection: 'users', where: { email: { in: demoUsers.map((u) => u.email) } } })
      expect(first.created.users).toBe(5)
      const roles = Object.fromEntries(docs.map((user) => [user.email, user.roles]))
      expect(roles).toEqual({
        'admin@example.com': ['admin'],
        'editor@example.com': ['editor'],
        'writer@example.com': ['writer'],
        'contributor@example.com': ['contributor'],
        'moderator@example.com': ['moderator'],
      })
    })

    it('writes the new passwords to DATA_DIR/demo-credentials.txt, readable by the owner only', () => {
      const lines = fs.readFileSync(credentialsFile(), 'utf8').split('\n')
      expect(first.credentials.map((c) => c.email).sort()).toEqual(demoUsers.map((u) => u.email).sort())
      for (const { email, password } of first.credentials) {
        const line = lines.find((l) => l.includes(` ${email} `))
        expect(line?.trimEnd().endsWith(` ${password}`), email).toBe(true)
      }
      expect(fs.statSync(credentialsFile()).mode & 0o777).toBe(0o600)
    })

    it('gives passwords that log in over REST', async () => {
      for (const { email, password } of first.credentials) await expect(login(email, password)).resolves.toEqual(expect.any(String))
    })
  })

  describe('newsroom', () => {
    it('creates at least three categories, entertainment among them', async () => {
      const { docs } = await payload.find({ ...system, collection: 'categories', pagination: false })
      expect(docs.length).toBeGreaterThanOrEqual(3)
      expect(docs.map((c) => c.slug)).toContain('entertainment')
    })

    it('creates the ten cast members with their characters and photos', async () => {
      const { docs } = await payload.find({ ...system, collection: 'cast', depth: 1, where: { slug: { in: cast.map((c) => c.slug) } } })
      expect(docs).toHaveLength(10)
      const characters = Object.fromEntries(docs.map((member) => [member.name, member.character]))
      expect(characters).toEqual(Object.fromEntries(cast.map((member) => [member.name, member.character])))
      for (const member of docs) {
        expect(member.photo, member.name).toMatchObject({ mimeType: 'image/webp', alt: expect.stringContaining(member.name) })
      }
    })

    it('stores every image and its generated sizes in DATA_DIR/media', async () => {
      const { docs } = await payload.find({ ...system, collection: 'media', where: addedBySeed('media'), pagination: false })
      expect(docs.length).toBeGreaterThan(0)
      for (const media of docs) {
        // Sizes wider than the original are not generated (no upscaling), so they have no file.
        const sizes = Object.values(media.sizes ?? {}).flatMap((size) => (size?.filename ? [size.filename] : []))
        expect(media.sizes?.thumbnail?.filename, media.alt).toBeTruthy()
        for (const file of [media.filename, ...sizes]) {
          expect(fs.existsSync(path.join(dataDir, 'media', String(file))), String(file)).toBe(true)
        }
      }
    })

    it('creates at least three authors, each with an avatar and a bio', async () => {
      const { docs } = await payload.find({ ...system, collection: 'authors', depth: 1, where: { slug: { in: authors.map((a) => a.slug) } } })
      expect(docs.length).toBeGreaterThanOrEqual(3)
      for (const author of docs) {
        expect(author.avatar, author.name).toMatchObject({ filename: expect.any(String) })
        expect(author.bio?.length ?? 0, author.name).toBeGreaterThan(40)
      }
    })
  })

  describe('reference article', () => {
    it('is published in Entertainment', async () => {
      expect(reference).toBeDefined()
      expect(reference._status).toBe('published')
      expect(reference.publishedAt).toBeTruthy()
      const category = await payload.findByID({ ...system, collection: 'categories', id: String(reference.category) })
      expect(category.slug).toBe('entertainment')
    })

    it('has every section of the reference page, in order', () => {
      const sections = REFERENCE_SECTIONS
      expect(sections).toHaveLength(8)
      expect([...sectionsOf(reference).keys()].slice(1)).toEqual(sections)
    })

    it('opens with a lead paragraph before the first section', () => {
      expect(sectionsOf(reference).get('')?.map((node) => node.type)).toEqual(['paragraph'])
    })

    it('quotes two cast members and the executive producer in the Story section', () => {
      const quotes = blocksOf(sectionsOf(reference).get('Story') ?? [], 'pullQuote')
      expect(quotes).toHaveLength(3)
      expect(blocksOf((reference.content?.root.children ?? []) as LexicalNode[], 'pullQuote')).toHaveLength(3)
      expect(quotes.filter((q) => q.fields?.castMember)).toHaveLength(2)
      expect(quotes.map((q) => q.fields?.attribution)).toContain('Patrick Walters, executive producer')
    })

    it('embeds a video in the Trailer section', () => {
      const [video, ...more] = blocksOf(sectionsOf(reference).get('Trailer') ?? [], 'videoEmbed')
      expect(more).toEqual([])
      expect(video?.fields).toMatchObject({ url: expect.stringMatching(/^https:\/\/www\.youtube\.com\//), title: expect.any(String) })
    })

    it('spotlights cast members', () => {
      const [spotlight] = blocksOf(sectionsOf(reference).get('Cast') ?? [], 'castSpotlight')
      expect((spotlight?.fields?.castMembers as string[] | undefined)?.length).toBeGreaterThan(0)
    })
  })

  describe('further articles', () => {
    it('adds at least eight more published articles and one draft', async () => {
      const others = { ...addedBySeed('articles'), slug: { not_equals: REFERENCE_SLUG } }
      const published = await payload.count({ ...system, collection: 'articles', where: { ...others, _status: { equals: 'published' } } })
      const drafts = await payload.find({ ...system, collection: 'articles', draft: true, where: { ...others, _status: { equals: 'draft' } } })
      expect(published.totalDocs).toBeGreaterThanOrEqual(8)
      expect(drafts.docs).toHaveLength(1)
    })
  })

  describe('comments on the reference article', () => {
    let comments: Comment[]
    beforeAll(async () => {
      const { docs } = await payload.find({ ...system, collection: 'comments', pagination: false, where: { article: { equals: reference.id } } })
      comments = docs
    })
    const withStatus = (status: Comment['status']) => comments.filter((c) => c.status === status)

    it('has about twenty approved comments', () => {
      expect(withStatus('approved').length).toBeGreaterThanOrEqual(18)
      expect(withStatus('approved').length).toBeLessThanOrEqual(25)
    })

    it('threads some replies under approved comments on the same article', () => {
      const approved = new Set(withStatus('approved').map((c) => c.id))
      const replies = comments.filter((c) => c.parent)
      expect(replies.length).toBeGreaterThan(0)
      for (const reply of replies) expect(approved.has(String(reply.parent)), reply.body).toBe(true)
    })

    it('holds a few comments for moderation and marks a few as spam', () => {
      expect(withStatus('pending').length).toBeGreaterThanOrEqual(2)
      expect(withStatus('pending').length).toBeLessThanOrEqual(5)
      expect(withStatus('spam').length).toBeGreaterThanOrEqual(1)
      expect(withStatus('spam').length).toBeLessThanOrEqual(5)
    })
  })

  describe('a second run', () => {
    it('adds nothing and shows no passwords', async () => {
      const countsBefore = await counts()
      const credentials = fs.readFileSync(credentialsFile(), 'utf8')
      const lines: string[] = []
      const second = await seed({ payload, dataDir, log: (line) => lines.push(line) })
      expect(second).toEqual({ created: {}, credentials: [] })
      expect(await counts()).toEqual(countsBefore)
      expect(fs.readFileSync(credentialsFile(), 'utf8')).toBe(credentials)
      expect(lines).toEqual(['Demo content already present; nothing to add.'])
    })
  })
})
