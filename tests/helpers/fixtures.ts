import type { Payload } from 'payload'

import { randomBytes, randomInt } from 'node:crypto'

import type { Role } from '@/access/roles'
import type { Article, Comment } from '@/payload-types'

import { login } from './rest'

/**
 * seedX / cleanupX pairs: each test file creates the records it needs with a unique tag and
 * removes exactly those afterwards, so files never see each other's data.
 */

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const

/**
 * Digits and consonants only. Every test tags its records and puts the tag in its searches, so a
 * tag must never contain a word a test looks for: with hex in it, a tag could hold "cafe" and a
 * search for that word then matched every record of the file. Every word searched for has a vowel.
 */
const TAG_ALPHABET = '0123456789bcdfghjklmnpqrstvwxz'

const inTagAlphabet = (value: number) => {
  let text = ''
  do {
    text = TAG_ALPHABET[value % TAG_ALPHABET.length] + text
    value = Math.floor(value / TAG_ALPHABET.length)
  } while (value > 0)
  return text
}

export const uniqueTag = () => `t${inTagAlphabet(Date.now())}${inTagAlphabet(randomInt(TAG_ALPHABET.length ** 5)).padStart(5, '0')}`

export type Newsroom = {
  tag: string
  categoryId: string
  authorId: string
  published: Article
  draft: Article
  comments: Record<Comment['status'], Comment>
}

export async function seedNewsroom(payload: Payload): Promise<Newsroom> {
  const tag = uniqueTag()
  const category = await payload.create({ ...system, collection: 'categories', data: { name: `Cat ${tag}`, slug: `cat-${tag}` } })
  const author = await payload.create({ ...system, collection: 'authors', data: { name: `Author ${tag}`, slug: `author-${tag}` } })
  const base = { category: category.id, authors: [author.id] }
  const published = await payload.create({
    ...system,
    collection: 'articles',
    data: { ...base, title: `Published ${tag}`, slug: `published-${tag}`, _status: 'published' },
  })
  const draft = await payload.create({
    ...system,
    collection: 'articles',
    draft: true,
    data: { ...base, title: `Draft ${tag}`, slug: `draft-${tag}`, _status: 'draft' },
  })
  const comments = {} as Newsroom['comments']
  for (const status of ['approved', 'pending', 'spam', 'trash'] as const) {
    comments[status] = await payload.create({
      ...system,
      collection: 'comments',
      data: {
        article: published.id,
        authorName: `Reader ${status}`,
        authorEmail: `${status}-${tag}@example.net`,
        body: `A ${status} comment ${tag}`,
        status,
      },
    })
  }
  return { tag, categoryId: category.id, authorId: author.id, published, draft, comments }
}

export async function cleanupNewsroom(payload: Payload, newsroom: Newsroom | undefined) {
  if (!newsroom) return
  await payload.delete({ ...system, collection: 'comments', where: { article: { in: [newsroom.published.id, newsroom.draft.id] } } })
  await payload.delete({ ...system, collection: 'articles', where: { id: { in: [newsroom.published.id, newsroom.draft.id] } } })
  await payload.delete({ ...system, collection: 'authors', where: { id: { equals: newsroom.authorId } } })
  await payload.delete({ ...system, collection: 'categories', where: { id: { equals: newsroom.categoryId } } })
}

export type StaffUser = { id: string; email: string; token: string; role: Role }

/** One logged-in account per role, with a real session token. */
export async function seedStaff(payload: Payload, roles: readonly Role[]): Promise<Record<Role, StaffUser>> {
  const tag = uniqueTag()
  const staff = {} as Record<Role, StaffUser>
  for (const role of roles) {
    const email = `${role}-${tag}@example.com`
    const password = randomBytes(12).toString('hex')
    const user = await payload.create({ ...system, collection: 'users', data: { email, password, name: `${role} ${tag}`, roles: [role] } })
    staff[role] = { id: user.id, email, role, token: await login(email, password) }
  }
  return staff
}

export async function cleanupStaff(payload: Payload, staff: Partial<Record<Role, StaffUser>> | undefined) {
  const ids = Object.values(staff ?? {}).map((user) => user.id)
  if (ids.length > 0) await payload.delete({ ...system, collection: 'users', where: { id: { in: ids } } })
}
