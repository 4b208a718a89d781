import type { Payload } from 'payload'

import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'

import { ROLES } from '@/access/roles'
import type { Article } from '@/payload-types'

import { CommentCountCell } from '@/admin/commentCount/CommentCountCell'
import { loadDashboard } from '@/admin/dashboard/queries'
import { relationId } from '@/lib/relationId'
import { openPreview, previewMessages } from '@/preview/open'
import { signPreviewToken, verifyPreviewToken } from '@/preview/token'

import type { StaffUser } from '../helpers/fixtures'

import { reviewMessages } from '@/articles/review'
import { cleanupStaff, seedStaff, uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

/**
 * The editorial workflow of issue #5 beyond the access matrix (tests/int/accessMatrix.int.spec.ts):
 * submitting for review, sending back with a note, publishing, publishedAt, autosaved drafts and
 * revisions. Everything goes through REST with real sessions, as the admin panel sends it.
 */

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const

type Review = { state: string; note: string | null; submittedAt: string | null; submittedBy: string | null }

/** Payload's ValidationError body, as { path: message }. */
const fieldErrors = (body: any): Record<string, string> =>
  Object.fromEntries((body?.errors?.[0]?.data?.errors ?? []).map((e: { path: string; message: string }) => [e.path, e.message]))

describe('Editorial workflow', () => {
  let payload: Payload
  let staff: Record<Role, StaffUser>
  const profiles = {} as Record<Role, string>
  let categoryId: string
  let made: string[] = []

  beforeAll(async () => {
    payload = await getTestPayload()
    staff = await seedStaff(payload, ROLES)
    const tag = uniqueTag()
    for (const role of ROLES) {
      const data = { name: `${role} ${tag}`, slug: `${role}-${tag}`, user: staff[role].id }
      profiles[role] = (await payload.create({ ...system, collection: 'authors', data })).id
    }
    categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `Flow ${tag}`, slug: `flow-${tag}` } })).id
  })

  afterEach(async () => {
    await payload.delete({ ...system, collection: 'comments', where: { article: { in: made } } })
    await payload.delete({ ...system, collection: 'articles', where: { id: { in: made } } })
    made = []
  })

  afterAll(async () => {
    await payload.delete({ ...system, collection: 'authors', where: { id: { in: Object.values(profiles) } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: categoryId } } })
    await cleanupStaff(payload, staff)
  })

  const draftBy = async (role: Role, data: Partial<Article> = {}) => {
    const doc = await payload.create({
      ...system,
      collection: 'articles',
      draft: true,
      data: { title: `Draft ${uniqueTag()}`, category: categoryId, authors: [profiles[role]], _status: 'draft', ...data },
    })
    made.push(doc.id)
    return doc
  }

  const stored = (id: string) => payload.findByID({ ...system, collection: 'articles', id, draft: true }) as Promise<Article>
  const reviewOf = async (id: string) => (await stored(id)).review as Review

  /** A draft save from the admin panel (or autosave, which adds autosave=true). */
  const saveDraft = (role: Role, id: string, body: Record<string, unknown>, { autosave = false } = {}) =>
    rest('PATCH', `/articles/${id}?draft=true${autosave ? '&autosave=true' : ''}`, { token: staff[role].token, body })

  const publish = (role: Role, id: string, body: Record<string, unknown> = {}) =>
    rest('PATCH', `/articles/${id}`, { token: staff[role].token, body: { ...body, _status: 'published' } })

  describe('review', () => {
    it('lets a contributor submit their draft, stamped with who submitted it and when', async () => {
      const { id } = await draftBy('contributor')
      const before = Date.now()
      const { status } = await saveDraft('contributor', id, { review: { state: 'submitted' } })
      expect(status).toBe(200)
      const review = await reviewOf(id)
      expect(review.state).toBe('submitted')
      expect(relationId(review.submittedBy)).toBe(staff.contributor.id)
      expect(Date.parse(review.submittedAt ?? '')).toBeGreaterThanOrEqual(before - 1000)
      expect((await stored(id))._status).toBe('draft')
    })

    it('ignores who and when a client claims: the server stamps the submission', async () => {
      const { id } = await draftBy('contributor')
      await saveDraft('contributor', id, { review: { state: 'submitted', submittedBy: staff.editor.id, submittedAt: '2001-01-01T00:00:00.000Z' } })
      const review = await reviewOf(id)
      expect(relationId(review.submittedBy)).toBe(staff.contributor.id)
      expect(review.submittedAt).not.toBe('2001-01-01T00:00:00.000Z')
    })

    it.each(['contributor', 'writer'] as const)('keeps a %s from sending their own draft back or writing the editor’s note', async (role) => {
      const { id } = await draftBy(role)
      await saveDraft(role, id, { review: { state: 'submitted' } })
      const { status } = await saveDraft(role, id, { review: { state: 'changes-requested', note: 'Looks fine to me' } })
      expect(status).toBe(200) // field rules drop what the role may not set; the rest of the save goes through
      const review = await reviewOf(id)
      expect(review.state).toBe('submitted')
      expect(review.note).toBeNull()
    })

    it('refuses a contributor’s publish with a message that says what to do instead', async () => {
      const { id } = await draftBy('contributor')
      const { status, body } = await publish('contributor', id)
      expect(status).toBe(403)
      expect(body.errors[0].message).toBe(reviewMessages.contributorPublish)
      expect(body.errors[0].message).toMatch(/Submit for review/)
      expect((await stored(id))._status).toBe('draft')
    })

    it('refuses a contributor creating an article already published, with the same message', async () => {
      const title = `Straight to print ${uniqueTag()}`
      const { status, body } = await rest('POST', '/articles', {
        token: staff.contributor.token,
        body: { title, category: categoryId, authors: [profiles.contributor], _status: 'published' },
      })
      expect(status).toBe(403)
      expect(body.errors[0].message).toBe(reviewMessages.contributorPublish)
      const { totalDocs } = await payload.count({ ...system, collection: 'articles', where: { title: { equals: title } } })
      expect(totalDocs).toBe(0)
    })

    it('refuses a submission that lacks what an editor needs, and says what is missing', async () => {
      const { id } = await draftBy('contributor', { category: undefined })
      const { status, body } = await saveDraft('contributor', id, { review: { state: 'submitted' } })
      expect(status).toBe(400)
      expect(fieldErrors(body)['review.state']).toBe(reviewMessages.incomplete(['Category']))
      expect((await reviewOf(id)).state).toBe('none')
    })

    it('lets an editor send a submitted draft back with a note, which the contributor then reads', async () => {
      const { id } = await draftBy('contributor')
      await saveDraft('contributor', id, { review: { state: 'submitted' } })
      const note = 'Add a source for the release date, and cut the second paragraph.'
      expect((await saveDraft('editor', id, { review: { state: 'changes-requested', note } })).status).toBe(200)

      const { status, body } = await rest('GET', `/articles/${id}?draft=true&depth=0`, { token: staff.contributor.token })
      expect(status).toBe(200)
      expect(body.review).toMatchObject({ state: 'changes-requested', note, submittedBy: staff.contributor.id })
    })

    it('refuses to send a draft back without a note', async () => {
      const { id } = await draftBy('contributor')
      await saveDraft('contributor', id, { review: { state: 'submitted' } })
      const { status, body } = await saveDraft('editor', id, { review: { state: 'changes-requested', note: '  ' } })
      expect(status).toBe(400)
      expect(fieldErrors(body)['review.note']).toBe(reviewMessages.noteRequired)
      expect((await reviewOf(id)).state).toBe('submitted')
    })

    it('lets autosave keep the note while an editor is still typing it, and sends the draft back on an explicit save', async () => {
      const { id } = await draftBy('contributor')
      await saveDraft('contributor', id, { review: { state: 'submitted' } })
      expect((await saveDraft('editor', id, { review: { state: 'changes-requested' } }, { autosave: true })).status).toBe(200)
      expect((await reviewOf(id)).state).toBe('submitted')
      await saveDraft('editor', id, { review: { state: 'changes-requested', note: 'Needs a second' } }, { autosave: true })
      // Half a note is kept, but the draft is not sent back (nor the author emailed) until the editor saves.
      expect(await reviewOf(id)).toMatchObject({ state: 'submitted', note: 'Needs a second', submittedBy: staff.contributor.id })
      await saveDraft('editor', id, { review: { state: 'changes-requested', note: 'Needs a second source.' } })
      expect(await reviewOf(id)).toMatchObject({ state: 'changes-requested', note: 'Needs a second source.' })
    })

    it('keeps the contributor’s ordinary saves from touching the review they were sent back with', async () => {
      const { id } = await draftBy('contributor')
      await saveDraft('contributor', id, { review: { state: 'submitted' } })
      await saveDraft('editor', id, { review: { state: 'changes-requested', note: 'Shorter, please.' } })
      // The admin form sends every field back as it was, the review group included.
      const shorter = `Shorter ${uniqueTag()}`
      await saveDraft('contributor', id, { title: shorter, review: { state: 'changes-requested', note: 'Shorter, please.' } }, { autosave: true })
      expect(await stored(id)).toMatchObject({ title: shorter, review: { state: 'changes-requested', note: 'Shorter, please.' } })

      const before = Date.now()
      await saveDraft('contributor', id, { review: { state: 'submitted' } })
      const again = await reviewOf(id)
      expect(again.state).toBe('submitted')
      expect(Date.parse(again.submittedAt ?? '')).toBeGreaterThanOrEqual(before - 1000)
    })

    it('closes the review when an editor publishes, and keeps it from readers', async () => {
      const { id } = await draftBy('contributor')
      await saveDraft('contributor', id, { review: { state: 'submitted' } })
      await saveDraft('editor', id, { review: { state: 'changes-requested', note: 'One more pass.' } })
      await saveDraft('contributor', id, { review: { state: 'submitted' } })
      expect((await publish('editor', id)).status).toBe(200)

      expect(await reviewOf(id)).toMatchObject({ state: 'none', note: null, submittedAt: null, submittedBy: null })
      const { body } = await rest('GET', `/articles/${id}?depth=0`)
      expect(body._status).toBe('published')
      expect(body).not.toHaveProperty('review')
    })

    it('shows editors the drafts awaiting review with a list filter on the review state', async () => {
      const waiting = await draftBy('contributor')
      await draftBy('contributor')
      await saveDraft('contributor', waiting.id, { review: { state: 'submitted' } })
      const { body } = await rest('GET', `/articles?draft=true&depth=0&where[review.state][equals]=submitted&where[category][equals]=${categoryId}`, {
        token: staff.editor.token,
      })
      expect(body.docs.map((doc: Article) => doc.id)).toEqual([waiting.id])
    })
  })

  describe('publishedAt', () => {
    it('is set on first publish and kept through edits, drafts, unpublishing and republishing', async () => {
      const { id } = await draftBy('writer')
      expect((await stored(id)).publishedAt ?? null).toBeNull()
      const before = Date.now()
      await publish('writer', id)
      const first = (await stored(id)).publishedAt
      expect(Date.parse(first ?? '')).toBeGreaterThanOrEqual(before - 1000)

      await rest('PATCH', `/articles/${id}`, { token: staff.writer.token, body: { title: `Corrected ${uniqueTag()}` } })
      await saveDraft('writer', id, { title: `Work in progress ${uniqueTag()}` })
      await publish('writer', id)
      await rest('PATCH', `/articles/${id}`, { token: staff.writer.token, body: { _status: 'draft' } })
      await publish('writer', id)

      const { body } = await rest('GET', `/articles/${id}?depth=0`)
      expect(body.publishedAt).toBe(first)
      expect(Date.parse(body.updatedAt)).toBeGreaterThan(Date.parse(first ?? ''))
    })
  })

  describe('the article page’s “Updated” label', () => {
    it('follows a real article: the published copy’s updatedAt moves on a later publish, not on a draft', async () => {
      const { id } = await draftBy('writer')
      await publish('writer', id)
      const first = (await rest('GET', `/articles/${id}?depth=0`)).body
      await saveDraft('writer', id, { title: `Unpublished thoughts ${uniqueTag()}` })
      expect((await rest('GET', `/articles/${id}?depth=0`)).body.updatedAt).toBe(first.updatedAt)
      await publish('writer', id)
      const second = (await rest('GET', `/articles/${id}?depth=0`)).body
      expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt))
      expect(second.publishedAt).toBe(first.publishedAt)
    })
  })

  describe('autosaved drafts', () => {
    it('starts a new article under its creator’s byline, as the admin’s create view does', async () => {
      const user = await payload.findByID({ ...system, collection: 'users', id: staff.contributor.id })
      // What Payload's create view runs when autosave is on: an empty draft, made as the user.
      const doc = await payload.create({ collection: 'articles', data: {}, draft: true, depth: 0, overrideAccess: false, user: { ...user, collection: 'users' } })
      made.push(doc.id)
      expect(doc.authors).toEqual([profiles.contributor])
      const { status } = await rest('GET', `/articles/${doc.id}?draft=true`, { token: staff.contributor.token })
      expect(status).toBe(200)
    })

    it('keeps the slug following the title while it is typed, until the article is published', async () => {
      const tag = uniqueTag()
      const { id } = await draftBy('writer', { title: `${tag} Season thr`, slug: undefined })
      const typed = (await stored(id)).slug
      expect(typed).toBe(`${tag}-season-thr`)
      await saveDraft('writer', id, { title: `${tag} Season three`, slug: typed }, { autosave: true })
      expect((await stored(id)).slug).toBe(`${tag}-season-three`)
      // A form can still hold an earlier autosave's slug when it saves.
      await saveDraft('writer', id, { title: `${tag} Season three begins`, slug: typed }, { autosave: true })
      expect((await stored(id)).slug).toBe(`${tag}-season-three-begins`)

      await publish('writer', id)
      await rest('PATCH', `/articles/${id}`, { token: staff.writer.token, body: { title: `${tag} Season three, confirmed` } })
      expect((await stored(id)).slug).toBe(`${tag}-season-three-begins`)
    })

    it('never replaces a slug typed by hand', async () => {
      const tag = uniqueTag()
      const { id } = await draftBy('writer', { title: `Casting news ${tag}`, slug: `casting-${tag}` })
      await saveDraft('writer', id, { title: `Casting news, updated ${tag}`, slug: `casting-${tag}` }, { autosave: true })
      expect((await stored(id)).slug).toBe(`casting-${tag}`)
    })

    it('keeps one autosaved version while typing instead of one per save', async () => {
      const { id } = await draftBy('writer')
      const versions = async () =>
        (await payload.findVersions({ ...system, collection: 'articles', limit: 1, where: { parent: { equals: id } } })).totalDocs
      await saveDraft('writer', id, { title: `First words ${uniqueTag()}` }, { autosave: true })
      const afterFirst = await versions()
      for (let i = 0; i < 3; i += 1) await saveDraft('writer', id, { title: `More words ${i} ${uniqueTag()}` }, { autosave: true })
      expect(await versions()).toBe(afterFirst)
    })
  })

  describe('revisions', () => {
    const versionsOf = async (role: Role, id: string) => {
      const { status, body } = await rest('GET', `/articles/versions?where[parent][equals]=${id}&sort=-createdAt&depth=0`, { token: staff[role].token })
      return { status, docs: (body?.docs ?? []) as { id: string; version: Article }[] }
    }

    it.each([
      ['writer', 'writer'],
      ['editor', 'contributor'],
      ['contributor', 'contributor'],
    ] as const)('lets a %s restore an earlier revision of a %s’s article', async (role, owner) => {
      const original = `Original ${uniqueTag()}`
      const { id } = await draftBy(owner, { title: original })
      await saveDraft(owner, id, { title: `Rewritten ${uniqueTag()}` })

      const { docs } = await versionsOf(role, id)
      const earlier = docs.find((doc) => doc.version.title === original)
      expect(earlier).toBeDefined()
      const { status } = await rest('POST', `/articles/versions/${earlier?.id}?draft=true`, { token: staff[role].token })
      expect(status).toBe(200)
      expect((await stored(id)).title).toBe(original)
    })

    it('keeps revision history from a moderator and from someone else’s contributor', async () => {
      const { id } = await draftBy('writer')
      await saveDraft('writer', id, { title: `Rewritten ${uniqueTag()}` })
      for (const role of ['moderator', 'contributor'] as const) {
        const { status, docs } = await versionsOf(role, id)
        expect(status === 403 || docs.length === 0, role).toBe(true)
      }
    })
  })

  describe('the dashboard', () => {
    const dashboardOf = async (role: Role) => {
      const user = await payload.findByID({ ...system, collection: 'users', id: staff[role].id })
      return loadDashboard({ payload, user: { ...user, collection: 'users' } })
    }

    it('shows editors the drafts awaiting review, with who submitted them', async () => {
      const waiting = await draftBy('contributor')
      await draftBy('contributor')
      await saveDraft('contributor', waiting.id, { review: { state: 'submitted' } })
      const { awaitingReview } = await dashboardOf('editor')
      const mine = awaitingReview?.filter((item) => item.id === waiting.id) ?? []
      const submitter = await payload.findByID({ ...system, collection: 'users', id: staff.contributor.id })
      expect(mine).toEqual([expect.objectContaining({ title: waiting.title, reviewState: 'submitted', submittedBy: submitter.name })])
      expect(awaitingReview?.every((item) => item.reviewState === 'submitted')).toBe(true)
    })

    it('shows a contributor their own drafts, with the note of one sent back', async () => {
      const sentBack = await draftBy('contributor')
      const someoneElses = await draftBy('writer')
      await saveDraft('contributor', sentBack.id, { review: { state: 'submitted' } })
      await saveDraft('editor', sentBack.id, { review: { state: 'changes-requested', note: 'Check the dates.' } })
      const dashboard = await dashboardOf('contributor')
      expect(dashboard.awaitingReview).toBeNull()
      expect(dashboard.scheduled).toBeNull()
      expect(dashboard.pendingComments).toBeNull()
      const ids = dashboard.myDrafts?.map((item) => item.id) ?? []
      expect(ids).toContain(sentBack.id)
      expect(ids).not.toContain(someoneElses.id)
      expect(dashboard.myDrafts?.find((item) => item.id === sentBack.id)).toMatchObject({ reviewState: 'changes-requested', note: 'Check the dates.' })
    })

    it('shows moderators how many comments wait for them', async () => {
      const article = await payload.create({
        ...system,
        collection: 'articles',
        data: { title: `Discussed ${uniqueTag()}`, slug: uniqueTag(), category: categoryId, authors: [profiles.writer], _status: 'published' },
      })
      made.push(article.id)
      const before = (await dashboardOf('moderator')).pendingComments ?? 0
      await payload.create({
        ...system,
        collection: 'comments',
        data: { article: article.id, authorName: 'Reader', authorEmail: `${uniqueTag()}@example.net`, body: 'First!', status: 'pending' },
      })
      expect((await dashboardOf('moderator')).pendingComments).toBe(before + 1)
      expect((await dashboardOf('writer')).pendingComments).toBeNull()
    })

    it('lists scheduled articles, soonest first, for those who publish', async () => {
      const later = await draftBy('writer')
      const sooner = await draftBy('writer')
      const queue = (id: string, minutes: number) =>
        payload.jobs.queue({
          task: 'schedulePublish',
          waitUntil: new Date(Date.now() + minutes * 60_000),
          input: { type: 'publish', doc: { relationTo: 'articles', value: id }, user: { relationTo: 'users', value: staff.writer.id } },
        })
      await queue(later.id, 90)
      await queue(sooner.id, 30)
      try {
        const scheduled = (await dashboardOf('writer')).scheduled?.filter((item) => [later.id, sooner.id].includes(item.id))
        expect(scheduled?.map((item) => item.id)).toEqual([sooner.id, later.id])
        expect(scheduled?.[0]).toMatchObject({ title: sooner.title, type: 'publish' })
      } finally {
        await payload.delete({ ...system, collection: 'payload-jobs', where: { 'input.doc.value': { in: [later.id, sooner.id] } } })
      }
    })
  })

  describe('“My articles” in the article list', () => {
    it('lists exactly the user’s bylines with that filter over REST', async () => {
      const own = await draftBy('writer')
      const other = await draftBy('editor')
      const { body } = await rest('GET', `/articles?draft=true&depth=0&limit=100&where[authors][in][0]=${profiles.writer}`, { token: staff.writer.token })
      const ids = body.docs.map((doc: Article) => doc.id)
      expect(ids).toContain(own.id)
      expect(ids).not.toContain(other.id)
    })
  })

  describe('previews', () => {
    const secret = () => payload.secret
    const userOf = async (role: Role) => ({ ...(await payload.findByID({ ...system, collection: 'users', id: staff[role].id })), collection: 'users' as const })
    const tokenIn = (url: string) => new URL(url).searchParams.get('token')

    it('gives staff who may read the draft a preview link, and nobody else', async () => {
      const { id } = await draftBy('contributor')
      const own = await rest('GET', `/articles/${id}/preview-link`, { token: staff.contributor.token })
      expect(own.status).toBe(200)
      expect(own.body.url).toMatch(/\/preview\?token=/)
      expect(verifyPreviewToken({ secret: secret(), token: tokenIn(own.body.url) })).toMatchObject({ ok: true, articleId: id })
      expect((await rest('GET', `/articles/${id}/preview-link`, { token: staff.editor.token })).status).toBe(200)
      expect((await rest('GET', `/articles/${id}/preview-link`, { token: staff.moderator.token })).status).toBe(404)
      expect((await rest('GET', `/articles/${id}/preview-link`)).status).toBe(401)
    })

    it('opens a valid link for a logged-in staff member at the draft’s URL, with the token for the cookie', async () => {
      const { id } = await draftBy('contributor')
      const draft = await stored(id)
      const { url } = (await rest('GET', `/articles/${id}/preview-link`, { token: staff.contributor.token })).body
      const opened = await openPreview({ payload, user: await userOf('editor'), token: tokenIn(url) })
      expect(opened).toMatchObject({ ok: true, href: `/${(await payload.findByID({ ...system, collection: 'categories', id: categoryId })).slug}/${draft.slug}`, token: tokenIn(url) })
    })

    it('refuses a preview to readers, to expired links and to forged ones, saying why', async () => {
      const { id } = await draftBy('writer')
      const editor = await userOf('editor')
      const expired = signPreviewToken({ secret: secret(), articleId: id, expiresAt: Date.now() - 1 })
      const valid = signPreviewToken({ secret: secret(), articleId: id, expiresAt: Date.now() + 60_000 })
      expect(await openPreview({ payload, user: null, token: valid })).toEqual({ ok: false, status: 401, message: previewMessages.notStaff })
      expect(await openPreview({ payload, user: editor, token: expired })).toEqual({ ok: false, status: 410, message: previewMessages.expired })
      expect(await openPreview({ payload, user: editor, token: `${valid}x` })).toEqual({ ok: false, status: 403, message: previewMessages.forged })
    })

    it('says so when the draft has no address yet', async () => {
      const { id } = await draftBy('writer', { category: undefined })
      const token = signPreviewToken({ secret: secret(), articleId: id, expiresAt: Date.now() + 60_000 })
      expect(await openPreview({ payload, user: await userOf('writer'), token })).toEqual({ ok: false, status: 409, message: previewMessages.unplaced })
    })
  })

  describe('the article list', () => {
    it('counts the comments readers see in the comments column', async () => {
      const article = await payload.create({
        ...system,
        collection: 'articles',
        data: { title: `Talked about ${uniqueTag()}`, slug: uniqueTag(), category: categoryId, authors: [profiles.writer], _status: 'published' },
      })
      made.push(article.id)
      for (const status of ['approved', 'approved', 'pending'] as const) {
        await payload.create({
          ...system,
          collection: 'comments',
          data: { article: article.id, authorName: 'Reader', authorEmail: `${uniqueTag()}@example.net`, body: 'Well said', status },
        })
      }
      const cell = await CommentCountCell({ payload, rowData: { id: article.id } } as never)
      expect(renderToStaticMarkup(cell)).toBe('<span class="comment-count">2</span>')
    })
  })
})
