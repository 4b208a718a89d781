/**
 * Sign-in and password-reset throttling, as plain functions over an injected store (issue #9,
 * items 3 and 4). Failures are counted per client address and per address + account, as Ghost
 * does, so an outsider who knows a colleague's email slows down only their own address and
 * never locks the colleague out. The Payload adapters are in ./hooks.ts.
 */
import { addressGroup } from '@/lib/ipAddress'

const MINUTE = 60_000

/**
 * One limit: at most `limit` attempts under `key` within `windowMs`. `onSuccess` says what a
 * sign-in that worked does to the count: takes its own attempt back, or clears the key.
 */
export type ThrottleRule = { key: string; limit: number; windowMs: number; onSuccess?: 'forget-attempt' | 'clear' }

/**
 * Where attempts are remembered: in Redis in shared mode (./redisStore.ts, a sorted set per key),
 * so every instance counts against the same limits; in the process's memory otherwise
 * (./memoryStore.ts), and while Redis is unreachable.
 */
export interface AttemptStore {
  /** Records an attempt under `key` at time `at`; answers the attempts recorded since `since`, this one included, oldest first. */
  add(key: string, at: number, since: number): Promise<number[]>
  /** Forgets one attempt recorded at `at`: one that was refused, or a sign-in that turned out to succeed. */
  remove(key: string, at: number): Promise<void>
  /** Forgets every attempt under `key`. */
  clear(key: string): Promise<void>
}

export const LIMITS = {
  /** Wrong passwords from one address, whatever the accounts: a newsroom behind one office address stays well under it. */
  loginPerAddress: { limit: 20, windowMs: 15 * MINUTE },
  /** Wrong passwords from one address for one account: room for typos, none for guessing. */
  loginPerAddressAndAccount: { limit: 5, windowMs: 15 * MINUTE },
  /** Password-reset emails requested from one address, whatever the accounts, so the form cannot be used to flood inboxes. */
  forgotPasswordPerAddress: { limit: 5, windowMs: 60 * MINUTE },
} as const

/** The unit an address is counted in: flood control's (an IPv6 /64 counts as one). */
const groupOf = (address: string | null): string => (address ? addressGroup(address) : 'unknown')

/** Emails are matched as Payload matches them at sign-in. */
export const normalizeEmail = (email: unknown): string => (typeof email === 'string' ? email.toLowerCase().trim() : '')

export function loginRules({ address, email }: { address: string | null; email: string }): ThrottleRule[] {
  const group = groupOf(address)
  return [
    { key: `login:address:${group}`, ...LIMITS.loginPerAddress, onSuccess: 'forget-attempt' },
    { key: `login:account:${group}:${email}`, ...LIMITS.loginPerAddressAndAccount, onSuccess: 'clear' },
  ]
}

export function forgotPasswordRules({ address }: { address: string | null }): ThrottleRule[] {
  return [{ key: `forgot-password:address:${groupOf(address)}`, ...LIMITS.forgotPasswordPerAddress }]
}

type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number }

/**
 * Whether an attempt may go ahead, given per rule the attempts within its window with this one
 * last. When refused, the wait is until enough earlier attempts have left the window for this
 * one to fit: refused attempts do not count, so waiting always works.
 */
export function verdict({ rules, attempts, now }: { rules: ThrottleRule[]; attempts: number[][]; now: number }): Verdict {
  let retryAfterMs = 0
  rules.forEach((rule, index) => {
    const earlier = (attempts[index] ?? []).slice(0, -1)
    if (earlier.length < rule.limit) return
    const leaving = earlier[earlier.length - rule.limit] ?? now
    retryAfterMs = Math.max(retryAfterMs, leaving + rule.windowMs - now, 1)
  })
  return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true }
}

/**
 * Counts an attempt against every rule and answers whether it may go ahead. A refused attempt is
 * taken back out, so hammering does not extend the wait. Counting before the outcome is known
 * keeps parallel attempts from all slipping past the check; a success is taken back by
 * `forgetSuccess`.
 */
export async function takeAttempt({ store, rules, now }: { store: AttemptStore; rules: ThrottleRule[]; now: number }): Promise<Verdict> {
  const attempts = await Promise.all(rules.map((rule) => store.add(rule.key, now, now - rule.windowMs)))
  const result = verdict({ rules, attempts, now })
  if (!result.allowed) await Promise.all(rules.map((rule) => store.remove(rule.key, now)))
  return result
}

/**
 * A sign-in that succeeded is no failure: it leaves the address's count, and the address's
 * failures on that account are forgotten (the owner is back in; Ghost resets them too).
 */
export async function forgetSuccess({ store, rules, at }: { store: AttemptStore; rules: ThrottleRule[]; at: number }): Promise<void> {
  await Promise.all(
    rules.map((rule) => {
      if (rule.onSuccess === 'clear') return store.clear(rule.key)
      if (rule.onSuccess === 'forget-attempt') return store.remove(rule.key, at)
      return undefined
    }),
  )
}
