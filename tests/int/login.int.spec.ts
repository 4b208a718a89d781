import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { LIMITS } from '@/accounts/throttle'

import { uniqueTag } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

const system = { overrideAccess: true, depth: 0 } as const
const LOGIN_FAILED = 'The email or password is incorrect. If you are sure of both, reset your password: that also lifts any lock on the account.'

/** A fresh client address per use (TEST-NET-3), so tests do not share throttle counts; the app trusts one proxy hop. */
let lastOctets = 0
const newAddress = () => {
  lastOctets += 1
  return `203.0.${Math.floor(lastOctets / 250)}.${(lastOctets % 250) + 1}`
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

describe('Sign-in', () => {
  let payload: Payload
  const tag = uniqueTag()
  const password = randomBytes(12).toString('hex')
  const emailFor = (who: string) => `${who}-${tag}@example.com`
  const editor = emailFor('editor')

  const login = (email: string, { from, secret = password }: { from: string; secret?: string }) =>
    rest('POST', '/users/login', { body: { email, password: secret }, headers: { 'x-forwarded-for': from } })
  const account = async (email: string) =>
    (await payload.find({ ...system, collection: 'users', where: { email: { equals: email } }, showHiddenFields: true })).docs[0]
  const createAccount = (email: string) =>
    payload.create({ ...system, collection: 'users', data: { email, password, name: email, roles: ['editor'] } })

  beforeAll(async () => {
    payload = await getTestPayload()
    await createAccount(editor)
  })

  afterAll(async () => {
    await payload.delete({ ...system, collection: 'users', where: { email: { like: tag } } })
  })

  describe('an outsider guessing a colleague’s password', () => {
    it('is throttled by address with 429, Retry-After and one clear message, while the owner still signs in', async () => {
      const outsider = newAddress()
      for (let i = 0; i < LIMITS.loginPerAddressAndAccount.limit; i++) {
        expect((await login(editor, { from: outsider, secret: `guess-${i}` })).status).toBe(401)
      }
      const refused = await login(editor, { from: outsider, secret: 'one-more-guess' })
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(LIMITS.loginPerAddressAndAccount.windowMs / 1000)
      expect(refused.body.errors).toEqual([{ message: expect.stringMatching(/^Too many sign-in attempts from your network\. Please try again in \d+ minutes?\.$/) }])
      // Even the right password waits at that address: the guesser learns nothing from it.
      expect((await login(editor, { from: outsider })).status).toBe(429)

      const owner = await login(editor, { from: newAddress() })
      expect(owner.status).toBe(200)
      expect(owner.body.token).toEqual(expect.any(String))
      expect((await account(editor))?.lockUntil ?? null).toBeNull()
    })

    it('stops one address trying many accounts', async () => {
      const guesser = newAddress()
      for (let i = 0; i < LIMITS.loginPerAddress.limit; i++) {
        expect((await login(emailFor(`nobody-${i}`), { from: guesser, secret: 'x' })).status).toBe(401)
      }
      expect((await login(emailFor('nobody-else'), { from: guesser, secret: 'x' })).status).toBe(429)
    })

    it('does not count successful sign-ins against the address', async () => {
      const office = newAddress()
      for (let i = 0; i < LIMITS.loginPerAddressAndAccount.limit + 2; i++) expect((await login(editor, { from: office })).status).toBe(200)
    })
  })

  describe('what a failure tells', () => {
    it('gives the same status and message for an unknown email, a wrong password and a locked account', async () => {
      const locked = emailFor('locked')
      const { id } = await createAccount(locked)
      await payload.update({ ...system, collection: 'users', id, data: { loginAttempts: 100, lockUntil: new Date(Date.now() + 3_600_000).toISOString() } })

      const answers = [
        await login(emailFor('unknown'), { from: newAddress() }),
        await login(editor, { from: newAddress(), secret: 'wrong' }),
        await login(locked, { from: newAddress(), secret: 'wrong' }),
        await login(locked, { from: newAddress() }),
      ]
      for (const { status, body } of answers) expect({ status, body }).toEqual({ status: 401, body: { errors: [{ message: LOGIN_FAILED }] } })
    })

    it('takes about as long for an unknown email as for a real one', async () => {
      const real = emailFor('timed')
      await createAccount(real)
      const time = async (email: string) => {
        const started = performance.now()
        expect((await login(email, { from: newAddress(), secret: 'wrong-password' })).status).toBe(401)
        return performance.now() - started
      }
      const forReal: number[] = []
      const forUnknown: number[] = []
      // Interleaved, so a slow moment of the machine falls on both.
      for (let i = 0; i < 7; i++) {
        forReal.push(await time(real))
        forUnknown.push(await time(emailFor(`unknown-${i}`)))
      }
      const [a, b] = [median(forReal), median(forUnknown)]
      const [slower, faster] = [Math.max(a, b), Math.min(a, b)]
      console.info(`sign-in failure, median of 7: real email ${a.toFixed(0)} ms, unknown email ${b.toFixed(0)} ms`)
      expect(slower / faster).toBeLessThan(3)
    })
  })

  describe('the rightful owner', () => {
    it('gets back in at once with a password reset while the account is locked', async () => {
      const owner = emailFor('reset')
      const { id } = await createAccount(owner)
      await payload.update({ ...system, collection: 'users', id, data: { loginAttempts: 100, lockUntil: new Date(Date.now() + 3_600_000).toISOString() } })
      const token = await payload.forgotPassword({ collection: 'users', data: { email: owner }, disableEmail: true })
      const newPassword = randomBytes(12).toString('hex')
      const reset = await rest('POST', '/users/reset-password', { body: { token, password: newPassword }, headers: { 'x-forwarded-for': newAddress() } })
      expect(reset.status).toBe(200)
      expect((await login(owner, { from: newAddress(), secret: newPassword })).status).toBe(200)
    })
  })

  describe('forgot password', () => {
    it('sends a few reset emails per address per hour, then answers 429 with Retry-After', async () => {
      const sender = newAddress()
      const ask = (from: string) => rest('POST', '/users/forgot-password', { body: { email: emailFor('nobody') }, headers: { 'x-forwarded-for': from } })
      for (let i = 0; i < LIMITS.forgotPasswordPerAddress.limit; i++) expect((await ask(sender)).status).toBe(200)
      const refused = await ask(sender)
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(refused.body.errors[0].message).toMatch(/^Too many password-reset requests from your network/)
      expect((await ask(newAddress())).status).toBe(200)
    })
  })
})
