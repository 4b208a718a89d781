import type { CollectionSlug, Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload } from '../helpers/payload'

/** The public contract of the foundation issue: slugs and field names API users rely on. */
const contract: Record<string, Record<string, string>> = {
  users: { email: 'email', name: 'text', roles: 'select' },
  authors: { name: 'text', slug: 'text', avatar: 'upload', bio: 'textarea', links: 'group', user: 'relationship' },
  cast: { name: 'text', character: 'text', slug: 'text', photo: 'upload', bio: 'textarea', articles: 'join' },
  categories: { name: 'text', slug: 'text', parent: 'relationship' },
  articles: {
    title: 'text',
    slug: 'text',
    excerpt: 'textarea',
    heroImage: 'upload',
    content: 'richText',
    category: 'relationship',
    authors: 'relationship',
    cast: 'relationship',
    publishedAt: 'date',
    commentsOpen: 'checkbox',
    tags: 'relationship',
    featured: 'checkbox',
    pinned: 'checkbox',
    _status: 'select',
  },
  // Issue #8: what the WordPress importer writes.
  tags: { name: 'text', slug: 'text', description: 'textarea' },
  pages: { title: 'text', slug: 'text', parent: 'relationship', content: 'richText', meta: 'group', _status: 'select' },
  redirects: { from: 'text', to: 'group', type: 'select' },
  comments: {
    article: 'relationship',
    parent: 'relationship',
    authorName: 'text',
    authorEmail: 'email',
    authorUrl: 'text',
    body: 'textarea',
    status: 'select',
    ipHash: 'text',
    userAgent: 'text',
  },
  media: { alt: 'text', filename: 'text', sizes: 'group' },
}

describe('Content model', () => {
  let payload: Payload
  beforeAll(async () => {
    payload = await getTestPayload()
  })

  describe.each(Object.entries(contract))('%s', (slug, fields) => {
    it.each(Object.entries(fields))('has the field %s of type %s', (name, type) => {
      const collection = payload.collections[slug as CollectionSlug]
      expect(collection, `collection ${slug}`).toBeDefined()
      const field = collection.config.flattenedFields.find((f) => 'name' in f && f.name === name)
      expect(field?.type).toBe(type)
    })
  })

  it('offers exactly the five newsroom roles, several per user', () => {
    const roles = payload.collections.users.config.flattenedFields.find((f) => f.name === 'roles')
    expect(roles).toMatchObject({ type: 'select', hasMany: true })
    const options = roles && 'options' in roles ? roles.options.map((o) => (typeof o === 'string' ? o : o.value)) : []
    expect(options).toEqual(['admin', 'editor', 'writer', 'contributor', 'moderator'])
  })

  it('offers exactly the four comment statuses, pending by default', () => {
    const status = payload.collections.comments.config.flattenedFields.find((f) => f.name === 'status')
    const options = status && 'options' in status ? status.options.map((o) => (typeof o === 'string' ? o : o.value)) : []
    expect(options).toEqual(['pending', 'approved', 'spam', 'trash'])
    expect(status && 'defaultValue' in status ? status.defaultValue : undefined).toBe('pending')
  })

  it('keeps drafts and at most 50 versions of an article', () => {
    const { versions } = payload.collections.articles.config
    expect(versions && versions.drafts).toBeTruthy()
    expect(versions && versions.maxPerDoc).toBe(50)
  })

  it('requires at least one author per article and allows many', () => {
    const authors = payload.collections.articles.config.flattenedFields.find((f) => f.name === 'authors')
    expect(authors).toMatchObject({ hasMany: true, required: true, minRows: 1, relationTo: 'authors' })
  })

  it('generates responsive image sizes and requires alt text on uploads', () => {
    const { upload } = payload.collections.media.config
    expect(upload.imageSizes?.map((size) => size.name)).toEqual(['thumbnail', 'card', 'column', 'hero', 'og'])
    const alt = payload.collections.media.config.flattenedFields.find((f) => f.name === 'alt')
    expect(alt).toMatchObject({ required: true })
  })
})

describe('Relationship fields to documents with drafts', () => {
  it('offer no "create new" beside them, which would save an empty draft at once (#11 item 3)', async () => {
    const payload = await getTestPayload()
    const withDrafts = new Set<string>(payload.config.collections.filter((c) => c.versions && typeof c.versions === 'object' && c.versions.drafts).map((c) => c.slug))
    expect([...withDrafts].sort()).toEqual(['articles', 'pages'])
    type AnyField = { type: string; name?: string; relationTo?: string | string[]; admin?: { allowCreate?: boolean; hidden?: boolean }; fields?: AnyField[]; tabs?: { fields: AnyField[] }[] }
    const offering: string[] = []
    const walk = (fields: AnyField[], where: string) => {
      for (const field of fields) {
        const path = `${where}.${field.name ?? field.type}`
        const targets = [field.relationTo ?? []].flat()
        if (field.type === 'relationship' && targets.some((target) => withDrafts.has(target)) && field.admin?.allowCreate !== false && !field.admin?.hidden) offering.push(path)
        if (field.fields) walk(field.fields, path)
        for (const tab of field.tabs ?? []) walk(tab.fields, path)
      }
    }
    for (const collection of payload.config.collections) if (!collection.admin?.hidden) walk(collection.fields as unknown as AnyField[], collection.slug)
    expect(offering).toEqual([])
  })
})
