import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { login, rest } from '../helpers/rest'

const system = { overrideAccess: true, depth: 0 } as const

/**
 * First registration only opens on an empty users table. Files share one database but run one
 * at a time and remove their own staff afterwards, so emptying the table here takes nothing
 * another file still needs; nothing is restored afterwards.
 */
describe('Users', () => {
  let payload: Payload
  const tag = uniqueTag()
  const emailFor = (who: string) => `${who}-${tag}@example.com`
  const password = randomBytes(12).toString('hex')

  const removeAllUsers = () => payload.delete({ ...system, collection: 'users', where: { id: { exists: true } } })
  const stored = async (email: string) =>
    (await payload.find({ ...system, collection: 'users', where: { email: { equals: email } } })).docs[0]

  beforeAll(async () => {
    payload = await getTestPayload()
  })

  afterAll(async () => {
    await payload.delete({ ...system, collection: 'users', where: { email: { like: tag } } })
  })

  describe('first registration', () => {
    beforeEach(async () => {
      await removeAllUsers()
    })

    it.each([
      ['asks to be a contributor', ['contributor']],
      ['asks for two other roles', ['writer', 'moderator']],
      ['asks for no role at all', undefined],
    ])('makes the first account an admin when it %s', async (_, roles) => {
      const email = emailFor(`first-${roles?.join('-') ?? 'none'}`)
      const { status, body } = await rest('POST', '/users/first-register', { body: { email, password, name: 'First Person', roles } })
      expect(status).toBe(200)
      expect(body.user.roles).toEqual(['admin'])
      expect(body.token).toEqual(expect.any(String))
      expect((await stored(email))?.roles).toEqual(['admin'])
    })
  })

  describe('once the newsroom has an account', () => {
    let adminToken: string
    let writerToken: string

    beforeAll(async () => {
      await removeAllUsers()
      const { body } = await rest('POST', '/users/first-register', { body: { email: emailFor('owner'), password, name: 'Owner' } })
      adminToken = body.token
      const email = emailFor('staff-writer')
      await payload.create({ ...system, collection: 'users', data: { email, password, name: 'Staff Writer', roles: ['writer'] } })
      writerToken = await login(email, password)
    })

    it('closes first registration, so nobody else can claim admin through it', async () => {
      const email = emailFor('second-first-register')
      const { status } = await rest('POST', '/users/first-register', { body: { email, password, name: 'Second', roles: ['admin'] } })
      expect(status).toBe(403)
      expect(await stored(email)).toBeUndefined()
    })

    it('does not let a visitor sign up as an admin', async () => {
      const email = emailFor('second-signup')
      const { status } = await rest('POST', '/users', { body: { email, password, name: 'Second', roles: ['admin'] } })
      expect(status).toBe(403)
      expect(await stored(email)).toBeUndefined()
    })

    it('does not let a logged-in writer create an admin account', async () => {
      const email = emailFor('second-by-writer')
      const { status } = await rest('POST', '/users', { token: writerToken, body: { email, password, name: 'Second', roles: ['admin'] } })
      expect(status).toBe(403)
      expect(await stored(email)).toBeUndefined()
    })

    it('gives the next account only the roles the admin chose', async () => {
      const email = emailFor('second-writer')
      const { status, body } = await rest('POST', '/users', { token: adminToken, body: { email, password, name: 'Writer', roles: ['writer'] } })
      expect(status).toBe(201)
      expect(body.doc.roles).toEqual(['writer'])
    })

    it('makes an account created without roles a contributor, not an admin', async () => {
      const email = emailFor('second-default')
      const { status, body } = await rest('POST', '/users', { token: adminToken, body: { email, password, name: 'Default' } })
      expect(status).toBe(201)
      expect(body.doc.roles).toEqual(['contributor'])
    })
  })
})
