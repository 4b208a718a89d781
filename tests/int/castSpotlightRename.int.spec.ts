import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renameCastSpotlightField, renameSpotlightField } from '@/migrations/renameCastSpotlightField'
import { block, doc, p } from '@/seed/lexical'

import { writeAsStoredBefore } from '../helpers/belowPayload'
import { uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'

/**
 * The Cast spotlight block's `cast` field became `castMembers` (#11 item 5: the article's own
 * `cast` field rendered the same element id). Bodies stored before the rename hold `cast` in their
 * JSON, in articles, pages and every version of them; the migration renames it there.
 */

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const

type Body = { root: { children: { type: string; fields?: Record<string, unknown> }[] } }

const spotlightsOf = (content: unknown) =>
  ((content as Body | null)?.root.children ?? []).filter((node) => node.type === 'block' && node.fields?.blockType === 'castSpotlight').map((node) => node.fields ?? {})

describe('Renaming the Cast spotlight’s field', () => {
  let payload: Payload
  const tag = uniqueTag()
  const made: { collection: 'articles' | 'authors' | 'cast' | 'categories' | 'pages'; id: string }[] = []
  let memberId: string
  let articleId: string
  let pageId: string
  /** A body as stored before the rename. */
  const oldBody = () => doc(p(`Before ${tag}`), block('castSpotlight', { heading: 'The leads', cast: [memberId] }), block('pullQuote', { quote: 'Hi.', castMember: memberId }))

  beforeAll(async () => {
    payload = await getTestPayload()
    const make = async <T extends { id: string }>(collection: (typeof made)[number]['collection'], promise: Promise<T>) => {
      const created = await promise
      made.unshift({ collection, id: created.id })
      return created
    }
    memberId = (await make('cast', payload.create({ ...system, collection: 'cast', data: { name: `Actor ${tag}`, slug: `actor-${tag}` } }))).id
    const category = await make('categories', payload.create({ ...system, collection: 'categories', data: { name: `Cat ${tag}`, slug: `cat-${tag}` } }))
    const author = await make('authors', payload.create({ ...system, collection: 'authors', data: { name: `Author ${tag}`, slug: `author-${tag}` } }))
    const current = doc(p(`Before ${tag}`), block('castSpotlight', { heading: 'The leads', castMembers: [memberId] }))
    const article = await make(
      'articles',
      payload.create({ ...system, collection: 'articles', data: { title: `Spotlight ${tag}`, slug: `spotlight-${tag}`, category: category.id, authors: [author.id], content: current, _status: 'published' } }),
    )
    await payload.update({ ...system, collection: 'articles', id: article.id, draft: true, data: { title: `Spotlight draft ${tag}` } })
    articleId = article.id
    pageId = (await make('pages', payload.create({ ...system, collection: 'pages', data: { title: `Spotlight page ${tag}`, slug: `spotlight-${tag}`, content: current, _status: 'published' } }))).id

    // Back to how they were stored before the rename, below Payload as the migration reads them.
    for (const [collection, id] of [['articles', articleId], ['pages', pageId]] as const) {
      await writeAsStoredBefore({ payload, collection, ids: [id], data: { content: oldBody() } })
    }
  })

  afterAll(async () => {
    for (const { collection, id } of made) await payload.delete({ ...system, collection, where: { id: { equals: id } } })
  })

  it('renames it in articles, pages and every version of them, leaving the rest of the body as it was', async () => {
    await renameCastSpotlightField({ payload, req: await createLocalReq({}, payload), from: 'cast', to: 'castMembers' })

    for (const [collection, id] of [['articles', articleId], ['pages', pageId]] as const) {
      const stored = await payload.findByID({ ...system, collection, id, draft: true })
      expect(spotlightsOf(stored.content)).toEqual([expect.objectContaining({ heading: 'The leads', castMembers: [memberId] })])
      expect(spotlightsOf(stored.content)[0]).not.toHaveProperty('cast')
      const expected = oldBody() as unknown as Body
      expect((stored.content as unknown as Body).root.children.map((node) => node.type)).toEqual(expected.root.children.map((node) => node.type))
      expect(JSON.stringify(stored.content)).toContain(`Before ${tag}`)
      // The pull quote's own castMember is another block's field: untouched.
      expect((stored.content as unknown as Body).root.children[2].fields).toMatchObject({ blockType: 'pullQuote', castMember: memberId })

      const { docs } = await payload.findVersions({ ...system, collection, where: { parent: { equals: id } }, limit: 0, pagination: false })
      expect(docs.length).toBeGreaterThan(collection === 'articles' ? 1 : 0)
      for (const version of docs) expect(spotlightsOf(version.version.content)).toEqual([expect.objectContaining({ castMembers: [memberId] })])
    }
  })

  it('fills the spotlight’s cast members in for readers after the rename', async () => {
    const article = await payload.findByID({ ...system, collection: 'articles', id: articleId, depth: 1 })
    const [spotlight] = spotlightsOf(article.content)
    expect(spotlight?.castMembers).toEqual([expect.objectContaining({ id: memberId, name: `Actor ${tag}` })])
  })

  it('leaves a body without the old field alone, and undoes the rename on the way down', () => {
    expect(renameSpotlightField(doc(p('Nothing to do'), block('castSpotlight', { castMembers: ['a'] })), { from: 'cast', to: 'castMembers' })).toBeNull()
    expect(renameSpotlightField(null, { from: 'cast', to: 'castMembers' })).toBeNull()
    const down = renameSpotlightField(doc(block('castSpotlight', { heading: 'H', castMembers: ['a', 'b'] })), { from: 'castMembers', to: 'cast' })
    expect(spotlightsOf(down)).toEqual([expect.objectContaining({ heading: 'H', cast: ['a', 'b'] })])
    expect(spotlightsOf(down)[0]).not.toHaveProperty('castMembers')
  })
})
