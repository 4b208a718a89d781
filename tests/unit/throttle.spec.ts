import { describe, expect, it } from 'vitest'

import type { ThrottleRule } from '@/accounts/throttle'

import { memoryAttemptStore } from '@/accounts/memoryStore'
import { forgetSuccess, forgotPasswordRules, LIMITS, loginRules, takeAttempt, verdict } from '@/accounts/throttle'

const MINUTE = 60_000
const rule: ThrottleRule = { key: 'k', limit: 3, windowMs: 10 * MINUTE }

describe('Sign-in throttling', () => {
  describe('verdict', () => {
    it('allows attempts up to the limit within the window', () => {
      expect(verdict({ rules: [rule], attempts: [[0, 1, 2]], now: 2 })).toEqual({ allowed: true })
    })

    it('refuses the attempt past the limit until the oldest counted attempt leaves the window', () => {
      expect(verdict({ rules: [rule], attempts: [[0, MINUTE, 2 * MINUTE, 3 * MINUTE]], now: 3 * MINUTE })).toEqual({
        allowed: false,
        retryAfterMs: 7 * MINUTE,
      })
    })

    it('waits for the strictest of several rules', () => {
      const wide: ThrottleRule = { key: 'w', limit: 1, windowMs: 60 * MINUTE }
      const result = verdict({ rules: [rule, wide], attempts: [[5, 6], [0, 6]], now: 6 })
      expect(result).toEqual({ allowed: false, retryAfterMs: 60 * MINUTE - 6 })
    })
  })

  describe('takeAttempt', () => {
    it('does not count refused attempts, so hammering does not extend the wait', async () => {
      const store = memoryAttemptStore()
      for (const now of [0, 1, 2]) expect((await takeAttempt({ store, rules: [rule], now })).allowed).toBe(true)
      for (const now of [3, 4, 5]) expect(await takeAttempt({ store, rules: [rule], now })).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE - now })
      expect((await takeAttempt({ store, rules: [rule], now: 10 * MINUTE + 1 })).allowed).toBe(true)
    })

    it('forgets attempts older than the window', async () => {
      const store = memoryAttemptStore()
      for (const now of [0, 1, 2]) await takeAttempt({ store, rules: [rule], now })
      expect((await takeAttempt({ store, rules: [rule], now: 10 * MINUTE + 2 })).allowed).toBe(true)
    })

    it('keeps memory bounded when a flood brings new keys', async () => {
      const store = memoryAttemptStore({ maxKeys: 2 })
      for (const key of ['a', 'b', 'c']) await takeAttempt({ store, rules: [{ ...rule, key }], now: 0 })
      // 'a' was dropped: its next attempt counts alone.
      expect(await store.add('a', 1, -1)).toEqual([1])
      expect(await store.add('c', 1, -1)).toEqual([0, 1])
    })
  })

  describe('login rules', () => {
    it('counts one address for all accounts, and one address per account', () => {
      const rules = loginRules({ address: '198.51.100.7', email: 'editor@example.com' })
      expect(rules.map(({ key, limit }) => [key, limit])).toEqual([
        ['login:address:198.51.100.7', LIMITS.loginPerAddress.limit],
        ['login:account:198.51.100.7:editor@example.com', LIMITS.loginPerAddressAndAccount.limit],
      ])
    })

    it('locks out nobody but the guessing address: another address signs in to the same account', async () => {
      const store = memoryAttemptStore()
      const outsider = loginRules({ address: '203.0.113.9', email: 'editor@example.com' })
      for (let now = 0; now < LIMITS.loginPerAddressAndAccount.limit; now++) await takeAttempt({ store, rules: outsider, now })
      expect((await takeAttempt({ store, rules: outsider, now: 10 })).allowed).toBe(false)
      const owner = loginRules({ address: '198.51.100.7', email: 'editor@example.com' })
      expect((await takeAttempt({ store, rules: owner, now: 10 })).allowed).toBe(true)
    })

    it('stops one address guessing across many accounts', async () => {
      const store = memoryAttemptStore()
      const address = '203.0.113.9'
      for (let now = 0; now < LIMITS.loginPerAddress.limit; now++) {
        expect((await takeAttempt({ store, rules: loginRules({ address, email: `user${now}@example.com` }), now })).allowed).toBe(true)
      }
      expect((await takeAttempt({ store, rules: loginRules({ address, email: 'fresh@example.com' }), now: 100 })).allowed).toBe(false)
    })

    it('forgets an address’s failures on an account once its owner signs in from it', async () => {
      const store = memoryAttemptStore()
      const rules = loginRules({ address: '198.51.100.7', email: 'editor@example.com' })
      for (let now = 0; now < LIMITS.loginPerAddressAndAccount.limit - 1; now++) await takeAttempt({ store, rules, now })
      await takeAttempt({ store, rules, now: 10 })
      await forgetSuccess({ store, rules, at: 10 })
      for (let now = 20; now < 20 + LIMITS.loginPerAddressAndAccount.limit; now++) expect((await takeAttempt({ store, rules, now })).allowed).toBe(true)
    })

    it('throttles password-reset requests by address alone', () => {
      expect(forgotPasswordRules({ address: '198.51.100.7' })).toEqual([{ key: 'forgot-password:address:198.51.100.7', ...LIMITS.forgotPasswordPerAddress }])
    })
  })
})
