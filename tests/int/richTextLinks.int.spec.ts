import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'

import { repairPastedLinks } from '@/fields/linkUrl'
import { refuseUnsafeLinks } from '@/fields/safeLinks'
import { doc, link, p } from '@/seed/lexical'

import type { StaffUser } from '../helpers/fixtures'
import type { RestResponse } from '../helpers/rest'

import { cleanupStaff, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const
const ROLES: Role[] = ['admin', 'writer']

type Field = { type: string; name?: string; hooks?: { beforeValidate?: unknown[] }; fields?: Field[]; tabs?: Field[]; blocks?: { fields: Field[] }[] }

/** Every rich-text field of a field list, however deeply it sits in groups, arrays, tabs and blocks. */
function richTextFields(fields: Field[], path = ''): { path: string; field: Field }[] {
  return fields.flatMap((field) => {
    const here = field.name ? `${path}${field.name}` : path
    const own = field.type === 'richText' ? [{ path: here, field }] : []
    const children = [...(field.fields ?? []), ...(field.tabs ?? [])]
    const inBlocks = (field.blocks ?? []).flatMap((block) => richTextFields(block.fields, `${here}.`))
    return [...own, ...richTextFields(children, field.name ? `${here}.` : path), ...inBlocks]
  })
}

/** The address field of the article editor's link drawer, as Payload sanitised it. */
function linkUrlField(payload: Payload): { validate?: unknown } {
  const content = payload.collections.articles.config.fields.find((field) => 'name' in field && field.name === 'content') as unknown as {
    editor: { editorConfig: { resolvedFeatureMap: Map<string, { sanitizedServerFeatureProps?: { fields?: { name?: string; validate?: unknown }[] } }> } }
  }
  const link = content.editor.editorConfig.resolvedFeatureMap.get('link')
  const url = link?.sanitizedServerFeatureProps?.fields?.find((field) => field.name === 'url')
  if (!url) throw new Error('the article editor has no link address field')
  return url
}

/** The message a refused save shows beside the content field. */
function contentError(response: RestResponse): string | undefined {
  expect(response.status, JSON.stringify(response.body)).toBe(400)
  const errors: { path: string; message: string }[] = response.body.errors.flatMap(
    (error: { data?: { errors?: { path: string; message: string }[] } }) => error.data?.errors ?? [],
  )
  return errors.find((error) => error.path === 'content')?.message
}

describe('Rich-text links', () => {
  let payload: Payload
  let staff: Record<Role, StaffUser>
  const tag = uniqueTag()
  let categoryId: string
  let authorId: string
  const articleIds: string[] = []

  const article = (title: string, content: unknown) => ({ title: `${title} ${tag}`, category: categoryId, authors: [authorId], content })
  const create = async (body: unknown, query = '') => {
    const response = await rest('POST', `/articles${query}`, { token: staff.writer.token, body })
    if (response.body?.doc?.id) articleIds.push(response.body.doc.id)
    return response
  }

  beforeAll(async () => {
    payload = await getTestPayload()
    staff = await seedStaff(payload, ROLES)
    categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `Links ${tag}`, slug: `links-${tag}` } })).id
    authorId = (await payload.create({ ...system, collection: 'authors', data: { name: `Links ${tag}`, slug: `links-${tag}`, user: staff.writer.id } })).id
  })

  afterAll(async () => {
    if (articleIds.length > 0) await payload.delete({ ...system, collection: 'articles', where: { id: { in: articleIds } } })
    await payload.delete({ ...system, collection: 'authors', where: { id: { equals: authorId } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
    await cleanupStaff(payload, staff)
  })

  it('refuses a published article with a javascript: link, naming the link', async () => {
    const response = await create(article('Script', doc(p('Click ', link('javascript:alert(document.cookie)', 'here')))))
    expect(contentError(response)).toContain('"javascript:alert(document.cookie)"')
    expect(await payload.count({ ...system, collection: 'articles', where: { title: { equals: `Script ${tag}` } } })).toEqual({ totalDocs: 0 })
  })

  it('refuses a draft save with a disguised javascript: link', async () => {
    const response = await create({ ...article('Draft script', doc(p(link(' java\tscript:alert(1)', 'here')))), _status: 'draft' }, '?draft=true')
    expect(contentError(response)).toContain('is not allowed')
  })

  it('refuses an autolink with a data: URL', async () => {
    const autolink = { ...link('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'see'), type: 'autolink' }
    const response = await create(article('Autolink', doc(p(autolink))))
    expect(contentError(response)).toContain('"data:text/html;base64,')
  })

  it('refuses adding the link to an existing draft by autosave, and keeps the stored text', async () => {
    const created = await create({ ...article('Autosaved', doc(p('Safe text'))), _status: 'draft' }, '?draft=true')
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const response = await rest('PATCH', `/articles/${id}?draft=true&autosave=true`, {
      token: staff.writer.token,
      body: { content: doc(p(link('vbscript:msgbox(1)', 'x'))) },
    })
    expect(contentError(response)).toContain('"vbscript:msgbox(1)"')
    const stored = await payload.findByID({ ...system, collection: 'articles', id, draft: true })
    expect(JSON.stringify(stored.content)).toContain('Safe text')
    expect(JSON.stringify(stored.content)).not.toContain('vbscript')
  })

  it('accepts web, mail, phone, site and anchor links', async () => {
    const urls = ['https://example.org/a', 'http://example.org', 'mailto:desk@example.org', 'tel:+441234567', '/cast/someone', '#trailer']
    const response = await create(article('Good links', doc(p(...urls.map((url) => link(url, url))))))
    expect(response.status, JSON.stringify(response.body)).toBe(201)
  })

  it('stores an address pasted into the prefilled "https://" once, without the doubled scheme', async () => {
    const pasted = ['https://https://example.org/story', 'https://http://example.org/plain', 'https://mailto:desk@example.org']
    const response = await create(article('Pasted links', doc(p(...pasted.map((url, index) => link(url, `link ${index}`))))))
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const stored = JSON.stringify(response.body.doc.content)
    expect(stored).toContain('"url":"https://example.org/story"')
    expect(stored).toContain('"url":"http://example.org/plain"')
    expect(stored).toContain('"url":"mailto:desk@example.org"')
    expect(stored).not.toContain('https://https://')
  })

  it('explains a doubled scheme in the link drawer, where the writer can fix it', () => {
    const url = linkUrlField(payload)
    const validate = url.validate as (value: unknown, options: unknown) => true | string
    expect(validate('https://https://example.org', { siblingData: { linkType: 'custom' } })).toMatch(/two schemes.*Remove the first one/)
    expect(validate('https://example.org', { siblingData: { linkType: 'custom' } })).toBe(true)
  })

  it('guards every rich-text field of every collection and global', () => {
    const found = [
      ...payload.config.collections.flatMap((c) => richTextFields(c.fields as Field[]).map((f) => ({ ...f, path: `${c.slug}.${f.path}` }))),
      ...payload.config.globals.flatMap((g) => richTextFields(g.fields as Field[]).map((f) => ({ ...f, path: `${g.slug}.${f.path}` }))),
    ]
    expect(found.map((f) => f.path)).toContain('articles.content')
    for (const { path, field } of found) {
      expect(field.hooks?.beforeValidate ?? [], path).toContain(refuseUnsafeLinks)
      expect(field.hooks?.beforeValidate ?? [], path).toContain(repairPastedLinks)
    }
  })
})
