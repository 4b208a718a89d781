import type { CollectionSlug, Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { ADMIN_MENU } from '@/admin/menu'

import { getTestPayload } from '../helpers/payload'
import publicContract from './schema.contract.json'

/**
 * The public contract of the foundation issue: slugs and field names API users rely on, one row per
 * collection (tags, pages and redirects are what the WordPress importer writes, #8). A change to it
 * is a change to the API.
 */
const contract: Record<string, Record<string, string>> = publicContract

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

  it('puts every collection and global staff see in the admin menu group src/admin/menu.ts names', () => {
    const visible = [...payload.config.collections, ...payload.config.globals].filter((entry) => entry.admin?.hidden !== true)
    const placed = Object.fromEntries(visible.map((entry) => [entry.slug, entry.admin?.group]))
    expect(placed).toEqual(Object.fromEntries(Object.entries(ADMIN_MENU).flatMap(([group, slugs]) => slugs.map((slug) => [slug, group]))))
    // The plugin-made redirects collection is placed too, and the groups are the newsroom's.
    expect(placed).toMatchObject({ articles: 'Content', redirects: 'Content', discussion: 'Comments', users: 'Newsroom', 'article-views': 'Analytics', 'import-sources': 'Admin' })
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
