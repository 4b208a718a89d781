import type { ClientUser, CollectionSlug, Payload } from 'payload'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'

import { ROLES } from '@/access/roles'
import { placeholderImage } from '@/seed/images'

import type { Newsroom, StaffUser } from '../helpers/fixtures'

import { Comments } from '../../collections/Comments'
import { Users } from '../../collections/Users'
import { cleanupNewsroom, cleanupStaff, seedNewsroom, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { graphql, rest } from '../helpers/rest'

/**
 * Who may do what, in one table: issue #5's roles, row by row. Every role (and an anonymous
 * reader) tries every operation on every collection, on a record of their own and on someone
 * else's, over REST with a real session. An attempt is judged twice: by the HTTP answer and by
 * what the database holds afterwards, so a write that is answered 200 but silently dropped
 * (field-level rules) counts as refused.
 *
 * Then the private-data rules, also as tables: what each reader sees of a shared newsroom (drafts,
 * held comments, commenters' emails, the images only a draft uses), the fields a client may not
 * set, and the same rules over GraphQL, the Local API and the admin panel.
 */

type Who = Role | 'anonymous'
type Whose = 'own' | 'other'

/** `status` is left out where a refusal is not an error: a filtered list, or a field that is ignored. */
type Outcome = { status?: number; happened: boolean }
type Attempt = (args: { who: Who; whose: Whose }) => Promise<Outcome>

type Row = [collection: CollectionSlug, action: string, whose: Whose, allowed: readonly Who[]]

const EVERYONE: readonly Who[] = ['anonymous', ...ROLES]
const STAFF: readonly Who[] = ROLES
const EDITORS: readonly Who[] = ['admin', 'editor']
const WRITERS: readonly Who[] = ['admin', 'editor', 'writer']
const CONTRIBUTORS: readonly Who[] = ['admin', 'editor', 'writer', 'contributor']
const MODERATORS: readonly Who[] = ['admin', 'editor', 'moderator']
const NOBODY: readonly Who[] = []

/** "own": the article is under the role's linked author profile, or the record was created by them, or it is their account. */
const MATRIX: Row[] = [
  ['articles', 'read a published article', 'other', EVERYONE],
  ['articles', 'read a draft', 'own', CONTRIBUTORS],
  ['articles', 'read a draft', 'other', WRITERS],
  ['articles', 'read the revision history', 'own', CONTRIBUTORS],
  ['articles', 'read the revision history', 'other', WRITERS],
  ['articles', 'create a draft', 'own', CONTRIBUTORS],
  ['articles', 'create a draft', 'other', EDITORS],
  ['articles', 'create it published', 'own', WRITERS],
  ['articles', 'edit a draft', 'own', CONTRIBUTORS],
  ['articles', 'edit a draft', 'other', EDITORS],
  ['articles', 'edit a published article', 'own', WRITERS],
  ['articles', 'edit a published article', 'other', EDITORS],
  ['articles', 'publish a draft', 'own', WRITERS],
  ['articles', 'publish a draft', 'other', EDITORS],
  ['articles', 'unpublish an article', 'own', WRITERS],
  ['articles', 'unpublish an article', 'other', EDITORS],
  ['articles', 'move a draft to another byline', 'own', EDITORS],
  ['articles', 'submit a draft for review', 'own', CONTRIBUTORS],
  ['articles', 'submit a draft for review', 'other', EDITORS],
  ['articles', 'send a submitted draft back with a note', 'own', EDITORS],
  ['articles', 'send a submitted draft back with a note', 'other', EDITORS],
  ['articles', 'delete a draft', 'own', CONTRIBUTORS],
  ['articles', 'delete a draft', 'other', EDITORS],
  ['articles', 'delete a published article', 'own', WRITERS],
  ['articles', 'delete a published article', 'other', EDITORS],
  // Where an article stands on the site (issue #8): the home page lead, the top of its category.
  ['articles', 'feature an article on the home page', 'own', EDITORS],
  ['articles', 'pin an article in its category', 'own', EDITORS],
  // Who saved each version is the server's record (issue #11): nobody writes it.
  ['articles', 'name another account as who saved it (lastEditedBy)', 'own', NOBODY],
  // The empty drafts "Create New" leaves behind (issue #11): editors list and clear them.
  ['articles', 'list the empty drafts', 'other', EDITORS],
  ['articles', 'clear an empty draft', 'other', EDITORS],

  ['authors', 'read a profile', 'other', EVERYONE],
  ['authors', 'create a profile (and become its createdBy)', 'own', WRITERS],
  ['authors', 'edit a profile', 'own', WRITERS],
  ['authors', 'edit a profile', 'other', EDITORS],
  ['authors', 'edit the profile linked to their account', 'own', CONTRIBUTORS],
  ['authors', 'link an account to a profile', 'own', EDITORS],
  ['authors', 'hand a profile to another account (createdBy)', 'own', NOBODY],
  ['authors', 'delete a profile', 'own', EDITORS],

  ['cast', 'read a cast member', 'other', EVERYONE],
  ['cast', 'create a cast member (and become its createdBy)', 'own', WRITERS],
  ['cast', 'edit a cast member', 'own', WRITERS],
  ['cast', 'edit a cast member', 'other', EDITORS],
  ['cast', 'hand a cast member to another account (createdBy)', 'own', NOBODY],
  ['cast', 'delete a cast member', 'own', EDITORS],

  // An image public pages show is everyone's (private data › media, below); one they do not show is the newsroom's.
  ['media', 'read an image no public page shows', 'own', CONTRIBUTORS],
  ['media', 'read an image no public page shows', 'other', WRITERS],
  ['media', 'upload an image (and become its createdBy)', 'own', CONTRIBUTORS],
  ['media', 'upload an image credited to another account (createdBy)', 'other', NOBODY],
  ['media', 'edit an image', 'own', CONTRIBUTORS],
  ['media', 'edit an image', 'other', EDITORS],
  ['media', 'delete an image', 'own', EDITORS],
  // The media library (issue #11): the hash behind the duplicate notice, and the list behind "Used in".
  ['media', 'read the hash of an image a public page shows', 'other', STAFF],
  ['articles', 'read which images a published article uses', 'other', STAFF],

  ['categories', 'read a category', 'other', EVERYONE],
  ['categories', 'create a category', 'other', EDITORS],
  ['categories', 'edit a category', 'other', EDITORS],
  ['categories', 'delete a category', 'other', EDITORS],

  // Writers tag while writing, as in WordPress; removing a tag from the site is an editor's call.
  ['tags', 'read a tag', 'other', EVERYONE],
  ['tags', 'create a tag', 'other', WRITERS],
  ['tags', 'edit a tag', 'other', WRITERS],
  ['tags', 'delete a tag', 'other', EDITORS],

  ['pages', 'read a published page', 'other', EVERYONE],
  ['pages', 'read a draft page', 'other', CONTRIBUTORS],
  ['pages', 'read a page’s revision history', 'other', CONTRIBUTORS],
  ['pages', 'create a page', 'other', EDITORS],
  ['pages', 'edit a page', 'other', EDITORS],
  ['pages', 'publish a page', 'other', EDITORS],
  ['pages', 'delete a page', 'other', EDITORS],
  ['pages', 'list the empty drafts', 'other', EDITORS],
  ['pages', 'clear an empty draft', 'other', EDITORS],

  // Redirects show the site's history (drafts' old slugs among it): editors only, reading included.
  ['redirects', 'read a redirect', 'other', EDITORS],
  ['redirects', 'create a redirect', 'other', EDITORS],
  ['redirects', 'edit a redirect', 'other', EDITORS],
  ['redirects', 'delete a redirect', 'other', EDITORS],

  ['comments', 'read an approved comment', 'other', EVERYONE],
  ['comments', 'read a held comment', 'own', [...MODERATORS, 'writer']],
  ['comments', 'read a held comment', 'other', MODERATORS],
  ['comments', 'read a commenter’s email', 'own', MODERATORS],
  ['comments', 'submit a comment', 'other', EVERYONE],
  ['comments', 'approve a comment', 'own', MODERATORS],
  ['comments', 'approve a comment', 'other', MODERATORS],
  ['comments', 'delete a comment', 'other', ['admin']],

  ['users', 'read an account', 'own', STAFF],
  ['users', 'read an account', 'other', EDITORS],
  ['users', 'edit an account', 'own', STAFF],
  ['users', 'edit an account', 'other', ['admin']],
  ['users', 'add a role to an account', 'own', ['admin']],
  ['users', 'add a role to an account', 'other', ['admin']],
  ['users', 'create an account', 'other', ['admin']],
  ['users', 'delete an account', 'other', ['admin']],
  ['users', 'unlock a locked account', 'other', ['admin']],
  ['users', 'unlock the admin’s locked account', 'other', ['admin']],
]

const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const
const reviewStateOf = (doc: Record<string, unknown> | null) => (doc?.review as { state?: string } | undefined)?.state
const idOf = (value: unknown) => (typeof value === 'object' && value !== null && 'id' in value ? value.id : value)
const PRIVATE_COMMENT_FIELDS = ['authorEmail', 'ipHash', 'userAgent']

describe('Access matrix', () => {
  let payload: Payload
  let staff: Record<Role, StaffUser>
  /** Another staff account: the owner of everything that is "other". */
  let bystander: StaffUser
  /** A shared category, author, published article, draft and comments in every status: what each reader sees of it. */
  let newsroom: Newsroom
  const profiles = {} as Record<Role, string>
  let otherAuthorId: string
  let categoryId: string
  let image: Buffer
  let made: { collection: CollectionSlug; id: string }[] = []

  beforeAll(async () => {
    payload = await getTestPayload()
    // 'admin' comes first in ROLES: on an empty users table the first account becomes admin.
    staff = await seedStaff(payload, ROLES)
    bystander = (await seedStaff(payload, ['writer'])).writer
    newsroom = await seedNewsroom(payload)
    const tag = uniqueTag()
    for (const role of ROLES) {
      const profile = await payload.create({
        ...system,
        collection: 'authors',
        data: { name: `${role} ${tag}`, slug: `${role}-${tag}`, user: staff[role].id },
      })
      profiles[role] = profile.id
    }
    const other = { name: `Other ${tag}`, slug: `other-${tag}`, user: bystander.id }
    otherAuthorId = (await payload.create({ ...system, collection: 'authors', data: other })).id
    categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `Roles ${tag}`, slug: `roles-${tag}` } })).id
    image = await placeholderImage({ seed: tag, width: 48, height: 48, motif: 'portrait' })
  })

  afterEach(async () => {
    // Newest first: comments before their article, articles before their byline.
    for (const { collection, id } of made.reverse()) await payload.delete({ ...system, collection, where: { id: { equals: id } } })
    made = []
  })

  afterAll(async () => {
    await cleanupNewsroom(payload, newsroom)
    const authorIds = [...Object.values(profiles), otherAuthorId]
    await payload.delete({ ...system, collection: 'authors', where: { id: { in: authorIds } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
    await cleanupStaff(payload, staff)
    await cleanupStaff(payload, { writer: bystander })
  })

  // ---- who is asking, and what is theirs ---------------------------------------------------

  const tokenOf = (who: Who) => (who === 'anonymous' ? undefined : staff[who].token)
  const ownerOf = (who: Who, whose: Whose) => (whose === 'own' && who !== 'anonymous' ? staff[who].id : bystander.id)
  const bylineOf = (who: Who, whose: Whose) => (whose === 'own' && who !== 'anonymous' ? profiles[who] : otherAuthorId)
  const label = (what: string) => `${what} ${uniqueTag()}`
  const named = (what: string) => {
    const tag = uniqueTag()
    return { name: `${what} ${tag}`, slug: tag }
  }

  async function make<T extends { id: string }>(collection: CollectionSlug, create: () => Promise<T>): Promise<T> {
    const record = await create()
    made.push({ collection, id: record.id })
    return record
  }

  /** Finds what an attempt may have created (by its unique name) and marks it for cleanup. */
  async function findMade(collection: CollectionSlug, field: string, value: string) {
    const { docs } = await payload.find({ ...system, collection, draft: true, where: { [field]: { equals: value } } })
    for (const doc of docs) made.push({ collection, id: String(doc.id) })
    return docs[0] as unknown as Record<string, unknown> | undefined
  }

  const stored = (collection: CollectionSlug, id: string, draft = false) =>
    payload.findByID({ ...system, collection, id, draft, disableErrors: true }) as Promise<Record<string, unknown> | null>

  const article = ({ who, whose, status, heroImage }: { who: Who; whose: Whose; status: 'draft' | 'published'; heroImage?: string }) =>
    make('articles', () =>
      payload.create({
        ...system,
        collection: 'articles',
        draft: status === 'draft',
        data: { title: label('Article'), slug: uniqueTag(), category: categoryId, authors: [bylineOf(who, whose)], _status: status, heroImage },
      }),
    )

  const comment = async ({ who, whose, status }: { who: Who; whose: Whose; status: 'approved' | 'pending' }) => {
    const { id } = await article({ who, whose, status: 'published' })
    return make('comments', () =>
      payload.create({
        ...system,
        collection: 'comments',
        data: { article: id, authorName: 'Reader', authorEmail: `${uniqueTag()}@example.net`, body: 'A comment', status },
      }),
    )
  }

  const owned = (collection: 'authors' | 'cast' | 'media', { who, whose }: { who: Who; whose: Whose }) => {
    const createdBy = ownerOf(who, whose)
    if (collection === 'media') {
      return make('media', () =>
        payload.create({
          ...system,
          collection: 'media',
          data: { alt: label('Image'), createdBy },
          file: { data: image, mimetype: 'image/png', name: `${uniqueTag()}.png`, size: image.length },
        }),
      )
    }
    if (collection === 'cast') return make('cast', () => payload.create({ ...system, collection: 'cast', data: { ...named('Actor'), createdBy } }))
    return make('authors', () => payload.create({ ...system, collection: 'authors', data: { ...named('Profile'), createdBy } }))
  }

  const sitePage = (status: 'draft' | 'published') =>
    make('pages', () => payload.create({ ...system, collection: 'pages', draft: status === 'draft', data: { title: label('Page'), slug: uniqueTag(), _status: status } }))

  const redirect = () =>
    make('redirects', () => payload.create({ ...system, collection: 'redirects', data: { from: `/${uniqueTag()}`, to: { type: 'custom', url: '/about' }, type: '301' } }))

  const staffAccount = () =>
    make('users', () =>
      payload.create({
        ...system,
        collection: 'users',
        data: { email: `${uniqueTag()}@example.com`, password: uniqueTag(), name: 'Someone', roles: ['writer'] },
      }),
    )

  const upload = (who: Who, data: Record<string, unknown>) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), `${uniqueTag()}.png`)
    form.append('_payload', JSON.stringify(data))
    return rest('POST', '/media', { token: tokenOf(who), body: form })
  }

  /** Creates a record over REST as `who` (media as an upload), named by `field`: it happened when it exists with them as its createdBy. */
  const createAsOwner = async ({ who, collection, field, what }: { who: Who; collection: 'authors' | 'cast' | 'media'; field: 'alt' | 'name'; what: string }): Promise<Outcome> => {
    const value = label(what)
    const body = { [field]: value }
    const { status } = collection === 'media' ? await upload(who, body) : await rest('POST', `/${collection}`, { token: tokenOf(who), body })
    const record = await findMade(collection, field, value)
    return { status, happened: record !== undefined && record.createdBy === ownerOf(who, 'own') }
  }

  /** Reads one record by id: allowed means a 200 carrying that record. */
  const readById = async (path: string, id: string, who: Who): Promise<Outcome> => {
    const { status, body } = await rest('GET', `${path}/${id}`, { token: tokenOf(who) })
    return { status, happened: status === 200 && body?.id === id }
  }

  /** Changes one field over REST and reports whether the database now holds the new value. */
  const patch = async (
    { collection, id, who, draft = false }: { collection: CollectionSlug; id: string; who: Who; draft?: boolean },
    field: string,
    value: unknown,
    { ignoredIsRefusal = false } = {},
  ): Promise<Outcome> => {
    const valueOf = async () => JSON.stringify(idOf((await stored(collection, id, draft))?.[field]) ?? null)
    const before = await valueOf()
    const { status } = await rest('PATCH', `/${collection}/${id}${draft ? '?draft=true' : ''}`, { token: tokenOf(who), body: { [field]: value } })
    const after = await valueOf()
    const happened = after !== before && after === JSON.stringify(value)
    return ignoredIsRefusal ? { happened } : { status, happened }
  }

  const remove = async (collection: CollectionSlug, id: string, who: Who): Promise<Outcome> => {
    const { status } = await rest('DELETE', `/${collection}/${id}`, { token: tokenOf(who) })
    return { status, happened: (await stored(collection, id)) === null }
  }

  const create = async (collection: CollectionSlug, who: Who, data: Record<string, unknown>, key: string): Promise<Outcome> => {
    const { status } = await rest('POST', `/${collection}`, { token: tokenOf(who), body: data })
    return { status, happened: (await findMade(collection, key, String(data[key]))) !== undefined }
  }

  /** A draft as "Create New" leaves it: nothing typed into it. */
  const emptyDraft = (collection: 'articles' | 'pages') =>
    make(collection, () => payload.create({ ...system, collection, draft: true, data: { _status: 'draft' } }) as Promise<{ id: string }>)

  const listEmptyDrafts = async (collection: 'articles' | 'pages', who: Who): Promise<Outcome> => {
    const { id } = await emptyDraft(collection)
    const { status, body } = await rest('GET', `/${collection}/empty-drafts?olderThanMinutes=0`, { token: tokenOf(who) })
    return { status, happened: status === 200 && body.docs.some((doc: { id: string }) => doc.id === id) }
  }

  const clearEmptyDraft = async (collection: 'articles' | 'pages', who: Who): Promise<Outcome> => {
    const { id } = await emptyDraft(collection)
    const { status } = await rest('POST', `/${collection}/empty-drafts/delete?olderThanMinutes=0`, { token: tokenOf(who), body: { ids: [id] } })
    return { status, happened: (await stored(collection, id)) === null }
  }

  /** Locks an account as Payload does after too many failures, asks to unlock it, and reports whether the lock was lifted. */
  const unlock = async (who: Who, target: { id: string; email: string }): Promise<Outcome> => {
    const lockUntil = new Date(Date.now() + 3_600_000).toISOString()
    await payload.update({ ...system, collection: 'users', id: target.id, data: { loginAttempts: 100, lockUntil } })
    const { status } = await rest('POST', '/users/unlock', { token: tokenOf(who), body: { email: target.email } })
    const after = await payload.findByID({ ...system, collection: 'users', id: target.id, showHiddenFields: true })
    await payload.update({ ...system, collection: 'users', id: target.id, data: { loginAttempts: 0, lockUntil: null } })
    return { status, happened: !after.lockUntil }
  }

  // ---- one attempt per row of the matrix -------------------------------------------------

  const attempts: Record<string, Attempt> = {
    'articles: read a published article': async (args) => readById('/articles', (await article({ ...args, status: 'published' })).id, args.who),
    'articles: read a draft': async (args) => {
      const { id } = await article({ ...args, status: 'draft' })
      const { status, body } = await rest('GET', `/articles/${id}?draft=true`, { token: tokenOf(args.who) })
      return { status, happened: status === 200 && body?.id === id }
    },
    'articles: read the revision history': async (args) => {
      const { id } = await article({ ...args, status: 'draft' })
      const { body } = await rest('GET', `/articles/versions?where[parent][equals]=${id}`, { token: tokenOf(args.who) })
      return { happened: (body?.docs?.length ?? 0) > 0 }
    },
    'articles: create a draft': ({ who, whose }) =>
      create('articles', who, { title: label('New'), category: categoryId, authors: [bylineOf(who, whose)], _status: 'draft' }, 'title'),
    'articles: create it published': async ({ who, whose }) => {
      const title = label('New')
      const { status } = await rest('POST', '/articles', {
        token: tokenOf(who),
        body: { title, category: categoryId, authors: [bylineOf(who, whose)], _status: 'published' },
      })
      return { status, happened: (await findMade('articles', 'title', title))?._status === 'published' }
    },
    'articles: edit a draft': async (args) =>
      patch({ collection: 'articles', id: (await article({ ...args, status: 'draft' })).id, who: args.who, draft: true }, 'title', label('Edited')),
    'articles: edit a published article': async (args) =>
      patch({ collection: 'articles', id: (await article({ ...args, status: 'published' })).id, who: args.who }, 'title', label('Edited')),
    'articles: publish a draft': async (args) =>
      patch({ collection: 'articles', id: (await article({ ...args, status: 'draft' })).id, who: args.who }, '_status', 'published'),
    'articles: unpublish an article': async (args) =>
      patch({ collection: 'articles', id: (await article({ ...args, status: 'published' })).id, who: args.who }, '_status', 'draft'),
    'articles: submit a draft for review': async (args) => {
      const { id } = await article({ ...args, status: 'draft' })
      const { status } = await rest('PATCH', `/articles/${id}?draft=true`, { token: tokenOf(args.who), body: { review: { state: 'submitted' } } })
      return { status, happened: reviewStateOf(await stored('articles', id, true)) === 'submitted' }
    },
    'articles: send a submitted draft back with a note': async (args) => {
      const { id } = await article({ ...args, status: 'draft' })
      await payload.update({ ...system, collection: 'articles', id, draft: true, data: { review: { state: 'submitted' } } })
      const body = { review: { state: 'changes-requested', note: 'Needs a second source.' } }
      await rest('PATCH', `/articles/${id}?draft=true`, { token: tokenOf(args.who), body })
      // An author's attempt is a save that goes through with the review left as it was: no status to judge.
      return { happened: reviewStateOf(await stored('articles', id, true)) === 'changes-requested' }
    },
    'articles: move a draft to another byline': async (args) =>
      patch({ collection: 'articles', id: (await article({ ...args, status: 'draft' })).id, who: args.who, draft: true }, 'authors', [otherAuthorId]),
    'articles: delete a draft': async (args) => remove('articles', (await article({ ...args, status: 'draft' })).id, args.who),
    'articles: delete a published article': async (args) => remove('articles', (await article({ ...args, status: 'published' })).id, args.who),

    'authors: read a profile': async (args) => readById('/authors', (await owned('authors', args)).id, args.who),
    'authors: create a profile (and become its createdBy)': ({ who }) => createAsOwner({ who, collection: 'authors', field: 'name', what: 'Profile' }),
    'authors: edit a profile': async (args) => patch({ collection: 'authors', id: (await owned('authors', args)).id, who: args.who }, 'bio', label('Bio')),
    'authors: edit the profile linked to their account': async ({ who }) =>
      patch({ collection: 'authors', id: who === 'anonymous' ? otherAuthorId : profiles[who], who }, 'bio', label('Bio')),
    'authors: link an account to a profile': async (args) =>
      patch({ collection: 'authors', id: (await owned('authors', args)).id, who: args.who }, 'user', bystander.id, { ignoredIsRefusal: true }),
    'authors: hand a profile to another account (createdBy)': async (args) =>
      patch({ collection: 'authors', id: (await owned('authors', args)).id, who: args.who }, 'createdBy', bystander.id, { ignoredIsRefusal: true }),
    'authors: delete a profile': async (args) => remove('authors', (await owned('authors', args)).id, args.who),

    'cast: read a cast member': async (args) => readById('/cast', (await owned('cast', args)).id, args.who),
    'cast: create a cast member (and become its createdBy)': ({ who }) => createAsOwner({ who, collection: 'cast', field: 'name', what: 'Actor' }),
    'cast: edit a cast member': async (args) => patch({ collection: 'cast', id: (await owned('cast', args)).id, who: args.who }, 'character', label('Role')),
    'cast: hand a cast member to another account (createdBy)': async (args) =>
      patch({ collection: 'cast', id: (await owned('cast', args)).id, who: args.who }, 'createdBy', bystander.id, { ignoredIsRefusal: true }),
    'cast: delete a cast member': async (args) => remove('cast', (await owned('cast', args)).id, args.who),

    'media: read an image no public page shows': async (args) => readById('/media', (await owned('media', args)).id, args.who),
    'media: upload an image (and become its createdBy)': ({ who }) => createAsOwner({ who, collection: 'media', field: 'alt', what: 'Upload' }),
    'media: upload an image credited to another account (createdBy)': async ({ who }) => {
      const alt = label('Upload')
      await upload(who, { alt, createdBy: bystander.id })
      return { happened: (await findMade('media', 'alt', alt))?.createdBy === bystander.id }
    },
    'media: read the hash of an image a public page shows': async ({ who }) => {
      const media = await owned('media', { who, whose: 'other' })
      await article({ who, whose: 'other', status: 'published', heroImage: media.id })
      const { body } = await rest('GET', `/media/${media.id}`, { token: tokenOf(who) })
      const hash = (await stored('media', media.id))?.contentHash
      // A refusal is the field left out of an answer that may be a 200: no status to judge.
      return { happened: typeof hash === 'string' && body?.contentHash === hash }
    },
    'articles: read which images a published article uses': async ({ who }) => {
      const media = await owned('media', { who, whose: 'other' })
      const { id } = await article({ who, whose: 'other', status: 'published', heroImage: media.id })
      const { body } = await rest('GET', `/articles/${id}?depth=0`, { token: tokenOf(who) })
      return { happened: Array.isArray(body?.mediaUsed) && body.mediaUsed.includes(media.id) }
    },
    'media: edit an image': async (args) => patch({ collection: 'media', id: (await owned('media', args)).id, who: args.who }, 'credit', label('Credit')),
    'media: delete an image': async (args) => remove('media', (await owned('media', args)).id, args.who),

    'categories: read a category': async ({ who }) => readById('/categories', categoryId, who),
    'categories: create a category': ({ who }) => create('categories', who, { name: label('Category') }, 'name'),
    'categories: edit a category': async ({ who }) => {
      const category = await make('categories', () => payload.create({ ...system, collection: 'categories', data: named('Category') }))
      return patch({ collection: 'categories', id: category.id, who }, 'name', label('Renamed'))
    },
    'categories: delete a category': async ({ who }) => {
      const category = await make('categories', () => payload.create({ ...system, collection: 'categories', data: named('Category') }))
      return remove('categories', category.id, who)
    },

    'articles: feature an article on the home page': async (args) =>
      patch({ collection: 'articles', id: (await article({ ...args, status: 'published' })).id, who: args.who }, 'featured', true, { ignoredIsRefusal: true }),
    'articles: pin an article in its category': async (args) =>
      patch({ collection: 'articles', id: (await article({ ...args, status: 'published' })).id, who: args.who }, 'pinned', true, { ignoredIsRefusal: true }),

    'articles: name another account as who saved it (lastEditedBy)': async (args) =>
      patch({ collection: 'articles', id: (await article({ ...args, status: 'draft' })).id, who: args.who, draft: true }, 'lastEditedBy', bystander.id, {
        ignoredIsRefusal: true,
      }),
    'articles: list the empty drafts': async ({ who }) => listEmptyDrafts('articles', who),
    'articles: clear an empty draft': async ({ who }) => clearEmptyDraft('articles', who),
    'pages: list the empty drafts': async ({ who }) => listEmptyDrafts('pages', who),
    'pages: clear an empty draft': async ({ who }) => clearEmptyDraft('pages', who),

    'tags: read a tag': async ({ who }) => readById('/tags', (await make('tags', () => payload.create({ ...system, collection: 'tags', data: named('Tag') }))).id, who),
    'tags: create a tag': ({ who }) => create('tags', who, { name: label('Tag') }, 'name'),
    'tags: edit a tag': async ({ who }) =>
      patch({ collection: 'tags', id: (await make('tags', () => payload.create({ ...system, collection: 'tags', data: named('Tag') }))).id, who }, 'description', label('About')),
    'tags: delete a tag': async ({ who }) => remove('tags', (await make('tags', () => payload.create({ ...system, collection: 'tags', data: named('Tag') }))).id, who),

    'pages: read a published page': async ({ who }) => readById('/pages', (await sitePage('published')).id, who),
    'pages: read a draft page': async ({ who }) => {
      const { id } = await sitePage('draft')
      const { status, body } = await rest('GET', `/pages/${id}?draft=true`, { token: tokenOf(who) })
      return { status, happened: status === 200 && body?.id === id }
    },
    'pages: read a page’s revision history': async ({ who }) => {
      const { id } = await sitePage('draft')
      const { body } = await rest('GET', `/pages/versions?where[parent][equals]=${id}`, { token: tokenOf(who) })
      return { happened: (body?.docs?.length ?? 0) > 0 }
    },
    'pages: create a page': ({ who }) => create('pages', who, { title: label('Page'), _status: 'draft' }, 'title'),
    'pages: edit a page': async ({ who }) => patch({ collection: 'pages', id: (await sitePage('published')).id, who }, 'title', label('Edited')),
    'pages: publish a page': async ({ who }) => patch({ collection: 'pages', id: (await sitePage('draft')).id, who }, '_status', 'published'),
    'pages: delete a page': async ({ who }) => remove('pages', (await sitePage('published')).id, who),

    'redirects: read a redirect': async ({ who }) => readById('/redirects', (await redirect()).id, who),
    'redirects: create a redirect': ({ who }) => create('redirects', who, { from: `/${uniqueTag()}`, to: { type: 'custom', url: '/about' } }, 'from'),
    'redirects: edit a redirect': async ({ who }) => patch({ collection: 'redirects', id: (await redirect()).id, who }, 'type', '302'),
    'redirects: delete a redirect': async ({ who }) => remove('redirects', (await redirect()).id, who),

    'comments: read an approved comment': async (args) => readById('/comments', (await comment({ ...args, status: 'approved' })).id, args.who),
    'comments: read a held comment': async (args) => readById('/comments', (await comment({ ...args, status: 'pending' })).id, args.who),
    'comments: read a commenter’s email': async (args) => {
      const { id, authorEmail } = await comment({ ...args, status: 'pending' })
      const { body } = await rest('GET', `/comments/${id}`, { token: tokenOf(args.who) })
      return { happened: body?.authorEmail === authorEmail }
    },
    'comments: submit a comment': async (args) => {
      const { id } = await article({ ...args, status: 'published' })
      const body = label('Nice piece')
      return create('comments', args.who, { article: id, authorName: 'Reader', authorEmail: `${uniqueTag()}@example.net`, body }, 'body')
    },
    'comments: approve a comment': async (args) =>
      patch({ collection: 'comments', id: (await comment({ ...args, status: 'pending' })).id, who: args.who }, 'status', 'approved'),
    'comments: delete a comment': async (args) => remove('comments', (await comment({ ...args, status: 'approved' })).id, args.who),

    'users: read an account': async ({ who, whose }) =>
      readById('/users', whose === 'own' && who !== 'anonymous' ? staff[who].id : (await staffAccount()).id, who),
    'users: edit an account': async ({ who, whose }) => {
      const id = whose === 'own' && who !== 'anonymous' ? staff[who].id : (await staffAccount()).id
      return patch({ collection: 'users', id, who }, 'name', label('Renamed'))
    },
    'users: add a role to an account': async ({ who, whose }) => {
      if (whose === 'other' || who === 'anonymous') {
        return patch({ collection: 'users', id: (await staffAccount()).id, who }, 'roles', ['writer', 'editor'], { ignoredIsRefusal: true })
      }
      const raised = who === 'admin' ? ['admin', 'editor'] : [who, 'admin']
      const outcome = await patch({ collection: 'users', id: staff[who].id, who }, 'roles', raised, { ignoredIsRefusal: true })
      await payload.update({ ...system, collection: 'users', id: staff[who].id, data: { roles: [who] } })
      return outcome
    },
    'users: create an account': ({ who }) =>
      create('users', who, { email: `${uniqueTag()}@example.com`, password: uniqueTag(), name: 'New', roles: ['writer'] }, 'email'),
    'users: delete an account': async ({ who }) => remove('users', (await staffAccount()).id, who),
    'users: unlock a locked account': async ({ who }) => unlock(who, await staffAccount()),
    'users: unlock the admin’s locked account': async ({ who }) => unlock(who, { id: staff.admin.id, email: staff.admin.email }),
  }

  describe('role × collection × operation', () => {
    describe.each(['articles', 'authors', 'cast', 'media', 'categories', 'tags', 'pages', 'redirects', 'comments', 'users'] as const)('%s', (collection) => {
      const cases = MATRIX.filter((row) => row[0] === collection).flatMap(([, action, whose, allowed]) =>
        EVERYONE.map((who) => {
          const title = `${who} ${allowed.includes(who) ? 'may' : 'may not'} ${action} (${whose === 'own' ? 'their own' : 'someone else’s'})`
          return [title, { action, whose, who, allowed: allowed.includes(who) }] as const
        }),
      )

      it.each(cases)('%s', async (_, { action, whose, who, allowed }) => {
        const attempt = attempts[`${collection}: ${action}`]
        if (!attempt) throw new Error(`The matrix names "${collection}: ${action}" but no attempt implements it.`)
        const { status, happened } = await attempt({ who, whose })
        expect(happened, `status ${status}`).toBe(allowed)
        if (status !== undefined) {
          if (allowed) expect(status).toBeLessThan(300)
          else expect([403, 404]).toContain(status)
        }
      })
    })
  })

  // ---- what each reader sees of the shared newsroom, and what a client may not set --------

  describe('private data', () => {
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
      // (the matrix above covers contributors' own drafts).
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
          token: tokenOf(who as Who),
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

      it('hides even an approved comment while its article is a draft, over REST and GraphQL', async () => {
        const onDraft = await payload.create({
          collection: 'comments',
          overrideAccess: true,
          data: { article: newsroom.draft.id, authorName: 'Early', authorEmail: `early-${newsroom.tag}@example.net`, body: `On a draft ${newsroom.tag}`, status: 'approved' },
        })
        try {
          const list = await rest('GET', `/comments?where[article][equals]=${newsroom.draft.id}`)
          expect(list.body.docs).toEqual([])
          expect([403, 404]).toContain((await rest('GET', `/comments/${onDraft.id}`)).status)
          const result = await graphql(`{ Comments(where: { article: { equals: "${newsroom.draft.id}" } }) { docs { id } } }`)
          expect(result.data.Comments.docs).toEqual([])
          // Staff who may read the draft still see its thread.
          const forModerator = await rest('GET', `/comments?where[article][equals]=${newsroom.draft.id}`, { token: tokenOf('moderator') })
          expect(forModerator.body.docs.map((doc: { id: string }) => doc.id)).toEqual([onDraft.id])
        } finally {
          await payload.delete({ collection: 'comments', id: onDraft.id, overrideAccess: true })
        }
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
        const saved = await payload.findByID({ collection: 'comments', id: body.doc.id, overrideAccess: true })
        expect(saved.status).toBe('pending')
        expect(saved.userAgent).toBe('vitest-reader')
        expect(saved.ipHash).toMatch(/^[0-9a-f]{64}$/)
        expect(saved.ipHash).not.toContain('203.0.113.7')
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
        const { status, body } = await rest('GET', `/media?where[alt][contains]=${newsroom.tag}&limit=50`, { token: tokenOf(who as Who) })
        expect(status).toBe(200)
        expect(body.docs.map((doc: { id: string }) => nameOf(doc.id)).sort()).toEqual([...expected].sort())
        if (expected === PUBLIC_IMAGES) expect(JSON.stringify(body)).not.toContain(newsroom.draft.title)
      })

      it.each(Object.entries(visibleTo))('gives %s by id only the images %j', async (who, expected) => {
        for (const name of IMAGES) {
          const { status, body } = await rest('GET', `/media/${images[name].id}`, { token: tokenOf(who as Who) })
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
        const saved = await payload.findByID({ collection: 'users', id: writer.id, overrideAccess: true })
        expect(saved.roles).toEqual(['writer'])
      })

      it('keeps the staff list from anonymous readers', async () => {
        const { status } = await rest('GET', '/users')
        expect(status).toBe(403)
      })
    })
  })

  describe('createdBy', () => {
    it('outlives the account: deleting a user keeps their uploads, owned by nobody', async () => {
      const leaver = await staffAccount()
      const media = await make('media', () =>
        payload.create({
          ...system,
          collection: 'media',
          data: { alt: label('Left behind'), createdBy: leaver.id },
          file: { data: image, mimetype: 'image/png', name: `${uniqueTag()}.png`, size: image.length },
        }),
      )
      expect(media.createdBy).toBe(leaver.id)
      await payload.delete({ ...system, collection: 'users', id: leaver.id })
      const after = await stored('media', media.id)
      expect(after?.id).toBe(media.id)
      expect(after?.createdBy ?? null).toBeNull()
    })
  })

  describe('the rules hold beyond REST', () => {
    it('refuses a contributor publishing their own draft over GraphQL', async () => {
      const { id } = await article({ who: 'contributor', whose: 'own', status: 'draft' })
      const result = await graphql(`mutation { updateArticle(id: "${id}", data: { _status: published }) { id } }`, staff.contributor.token)
      expect(result.errors?.[0]?.message).toMatch(/not allowed/i)
      expect((await stored('articles', id))?._status).toBe('draft')
    })

    it('hides drafts from a moderator over GraphQL', async () => {
      const { id } = await article({ who: 'writer', whose: 'own', status: 'draft' })
      const result = await graphql(`{ Articles(draft: true, where: { id: { equals: "${id}" } }) { docs { id } } }`, staff.moderator.token)
      expect(result.data.Articles.docs).toEqual([])
    })

    it('refuses a writer editing someone else’s article through the Local API without overrideAccess', async () => {
      const { id } = await article({ who: 'writer', whose: 'other', status: 'draft' })
      const user = await payload.findByID({ ...system, collection: 'users', id: staff.writer.id })
      await expect(
        payload.update({ collection: 'articles', id, data: { title: 'Taken over' }, overrideAccess: false, user: { ...user, collection: 'users' } }),
      ).rejects.toThrow(/not allowed/i)
    })
  })

  describe('the admin panel', () => {
    /** Collections whose create button a role sees (Payload reads these permissions from /api/access). */
    const creates: Record<Role, CollectionSlug[]> = {
      // import-sources is written only by the importer, so nobody sees its create button.
      admin: ['articles', 'comments', 'authors', 'cast', 'categories', 'media', 'users', 'tags', 'pages', 'redirects'],
      editor: ['articles', 'comments', 'authors', 'cast', 'categories', 'media', 'tags', 'pages', 'redirects'],
      writer: ['articles', 'comments', 'authors', 'cast', 'media', 'tags'],
      contributor: ['articles', 'comments', 'media'],
      moderator: ['comments'],
    }

    it.each(ROLES)('shows a %s create buttons only where they may create', async (role) => {
      const { status, body } = await rest('GET', '/access', { token: staff[role].token })
      expect(status).toBe(200)
      const creatable = Object.entries(body.collections as Record<string, { create?: boolean }>)
        .filter(([slug, permissions]) => !slug.startsWith('payload-') && permissions.create === true)
        .map(([slug]) => slug)
      expect(creatable.sort()).toEqual([...creates[role]].sort())
    })

    it.each([
      ['comments', Comments, ['admin', 'editor', 'writer', 'moderator']],
      ['users', Users, ['admin', 'editor']],
    ] as const)('lists %s in the navigation only for %j', (_, collection, visibleTo) => {
      const hidden = collection.admin?.hidden
      expect(typeof hidden).toBe('function')
      for (const role of ROLES) {
        const user: ClientUser = { id: staff[role].id, collection: 'users', roles: [role] }
        const isHidden = typeof hidden === 'function' && hidden({ user })
        expect(isHidden, role).toBe(!(visibleTo as readonly string[]).includes(role))
      }
    })
  })
})
