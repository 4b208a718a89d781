import type { Payload } from 'payload'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'

import { CONTRIBUTORS } from '@/access/roles'

import type { StaffUser } from '../helpers/fixtures'
import type { PayloadWithInbox } from '../helpers/inbox'

import { Inbox, loadPayloadWithInbox } from '../helpers/inbox'

/**
 * Issue #11's review notices, delivered for real to a loopback SMTP server (tests/helpers/inbox.ts):
 * who gets what when a contributor submits, an editor sends back or publishes, and that bulk
 * writes and autosaves send nothing. Each write goes through REST as the admin panel sends it, and
 * the response's message is the toast the admin shows.
 */

const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const

describe('Review notifications', () => {
  const inbox = new Inbox()
  let payload: Payload
  let rest: PayloadWithInbox['rest']
  let fixtures: PayloadWithInbox['fixtures']
  let staff: Record<Role, StaffUser>
  const made = { categoryId: '', categorySlug: '', authorIds: {} as Partial<Record<Role, string>>, articles: [] as string[] }
  const names = {} as Record<Role, string>

  beforeAll(async () => {
    ;({ payload, rest, fixtures } = await loadPayloadWithInbox(inbox))
    staff = await fixtures.seedStaff(payload, CONTRIBUTORS)
    const tag = fixtures.uniqueTag()
    for (const role of CONTRIBUTORS) {
      names[role] = (await payload.findByID({ ...system, collection: 'users', id: staff[role].id })).name
      const profile = await payload.create({ ...system, collection: 'authors', data: { name: `${role} ${tag}`, slug: `${role}-${tag}`, user: staff[role].id } })
      made.authorIds[role] = profile.id
    }
    made.categorySlug = `review-${tag}`
    made.categoryId = (await payload.create({ ...system, collection: 'categories', data: { name: `Review ${tag}`, slug: made.categorySlug } })).id
  })

  afterEach(async () => {
    await payload.delete({ ...system, collection: 'articles', where: { id: { in: made.articles } } })
    made.articles = []
  })

  afterAll(async () => {
    await inbox.stop()
    if (!payload) return
    await payload.delete({ ...system, collection: 'authors', where: { id: { in: Object.values(made.authorIds) } } })
    await payload.delete({ ...system, collection: 'categories', where: { id: { equals: made.categoryId } } })
    await fixtures.cleanupStaff(payload, staff)
  })

  const draftBy = async (role: Role) => {
    const title = `Draft ${fixtures.uniqueTag()}`
    const doc = await payload.create({
      ...system,
      collection: 'articles',
      draft: true,
      data: { title, category: made.categoryId, authors: [made.authorIds[role] ?? ''], _status: 'draft' },
    })
    made.articles.push(doc.id)
    return { id: doc.id, title, slug: doc.slug }
  }
  const saveDraft = (role: Role, id: string, body: Record<string, unknown>, { autosave = false } = {}) =>
    rest('PATCH', `/articles/${id}?draft=true${autosave ? '&autosave=true' : ''}`, { token: staff[role].token, body })
  const publish = (role: Role, id: string) => rest('PATCH', `/articles/${id}`, { token: staff[role].token, body: { _status: 'published' } })
  const usersWithRole = async (role: Role) =>
    (await payload.find({ ...system, collection: 'users', where: { roles: { in: [role] } }, pagination: false })).docs.map((user) => user.email)

  const subjects = {
    submitted: (title: string) => `[Byline] For review: "${title}"`,
    sentBack: (title: string) => `[Byline] Changes requested: "${title}"`,
    published: (title: string) => `[Byline] Published: "${title}"`,
  }

  it('emails each editor, and only editors, when a contributor submits, and the toast says so', async () => {
    const { id, title } = await draftBy('contributor')
    const response = await saveDraft('contributor', id, { review: { state: 'submitted' } })
    expect(response.status).toBe(200)
    expect(response.body.message).toBe('Submitted for review')

    const editors = await usersWithRole('editor')
    expect(editors).toContain(staff.editor.email)
    const mail = await inbox.waitFor({ subject: subjects.submitted(title), about: title, count: editors.length })
    expect(mail.map((m) => m.to).flat().sort()).toEqual([...editors].sort())
    expect(mail[0]?.text).toContain(`${names.contributor} submitted "${title}" for review.`)
    expect(mail[0]?.text).toContain(`/admin/collections/articles/${id}`)
  })

  it('sends the draft back to the contributor with the whole note, once, and names them in the toast', async () => {
    const { id, title } = await draftBy('contributor')
    await saveDraft('contributor', id, { review: { state: 'submitted' } })
    const note = `Add a source for the release date, and cut the second paragraph. ${fixtures.uniqueTag()}`

    // Autosave while the editor types: the note so far is kept, nothing is sent back or mailed yet.
    const typing = await saveDraft('editor', id, { review: { state: 'changes-requested', note: note.slice(0, 12) } }, { autosave: true })
    expect(typing.status).toBe(200)
    expect(await inbox.settled({ subject: subjects.sentBack(title), about: title })).toHaveLength(0)

    const response = await saveDraft('editor', id, { review: { state: 'changes-requested', note } })
    expect(response.status).toBe(200)
    expect(response.body.message).toBe(`Sent back to ${names.contributor}`)
    const [mail, ...more] = await inbox.waitFor({ subject: subjects.sentBack(title), about: title })
    expect(more).toHaveLength(0)
    expect(mail?.to).toEqual([staff.contributor.email])
    expect(mail?.text).toContain(`> ${note}`)
    expect(mail?.text).toContain(`${names.editor} sent "${title}" back to you`)

    // Saving again without changing the review is no new event.
    await saveDraft('editor', id, { title: `${title} (edited)`, review: { state: 'changes-requested', note } })
    expect(await inbox.settled({ subject: subjects.sentBack(title), about: title })).toHaveLength(1)
  })

  it('emails the contributor when an editor publishes their article, with its address', async () => {
    const { id, title, slug } = await draftBy('contributor')
    await saveDraft('contributor', id, { review: { state: 'submitted' } })
    const response = await publish('editor', id)
    expect(response.status).toBe(200)
    expect(response.body.message).toBe('Published')

    const [mail, ...more] = await inbox.waitFor({ subject: subjects.published(title), about: title })
    expect(more).toHaveLength(0)
    expect(mail?.to).toEqual([staff.contributor.email])
    expect(mail?.text).toContain(`${payload.config.serverURL}/${made.categorySlug}/${slug}`)

    // Republishing an edit is not news: nothing more.
    await saveDraft('editor', id, { title: `${title} (edited)` })
    await publish('editor', id)
    expect(await inbox.settled({ subject: subjects.published(title), about: title })).toHaveLength(1)
  })

  it('emails nobody when a writer publishes their own article, and the toast still says Published', async () => {
    const { id, title } = await draftBy('writer')
    const response = await publish('writer', id)
    expect(response.status).toBe(200)
    expect(response.body.message).toBe('Published')
    expect(await inbox.settled({ subject: subjects.published(title), about: title })).toHaveLength(0)
  })

  it.each([
    ['the WordPress import', { disableNotifications: true }],
    ['the seed', { seeding: true }],
  ])('sends nothing for writes made by %s', async (_, flag) => {
    const { id, title } = await draftBy('contributor')
    const quiet = { ...system, context: { ...system.context, ...flag } }
    await payload.update({ ...quiet, collection: 'articles', id, draft: true, data: { review: { state: 'submitted' } } })
    await payload.update({ ...quiet, collection: 'articles', id, draft: true, data: { review: { state: 'changes-requested', note: 'Imported note.' } } })
    await payload.update({ ...quiet, collection: 'articles', id, data: { _status: 'published' } })
    expect((await payload.findByID({ ...system, collection: 'articles', id }))._status).toBe('published')
    await inbox.settled({ subject: subjects.published(title), about: title })
    expect(inbox.messages.filter((message) => message.subject.includes(title))).toHaveLength(0)
  })
})
