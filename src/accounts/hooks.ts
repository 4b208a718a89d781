import type {
  CollectionAfterErrorHook,
  CollectionAfterLoginHook,
  CollectionBeforeOperationHook,
  Payload,
  PayloadRequest,
} from 'payload'

import { APIError, AuthenticationError, LockedAuth } from 'payload'

import type { AttemptStore, ThrottleRule } from './throttle'

import { readRedisEnv } from '@/lib/env'
import { clientIp } from '@/lib/ipAddress'
import { sharedStateRedis } from '@/lib/sharedRedis'

import { hashDummyPassword } from './dummyPassword'
import { memoryAttemptStore } from './memoryStore'
import { sharedAttemptStore } from './redisStore'
import { forgetSuccess, forgotPasswordRules, loginRules, normalizeEmail, takeAttempt } from './throttle'

const messages = {
  /** The one answer to every failed sign-in: unknown email, wrong password or locked account alike. */
  loginFailed: 'The email or password is incorrect. If you are sure of both, reset your password: that also lifts any lock on the account.',
  tooManyLogins: (minutes: number) => `Too many sign-in attempts from your network. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  tooManyResets: (minutes: number) =>
    `Too many password-reset requests from your network. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
}

/** What the sign-in throttle remembers between the operation's start and its outcome. */
type LoginAttempt = { rules: ThrottleRule[]; at: number }
const ATTEMPT = 'bylineLoginAttempt'

const STORE = Symbol.for('byline.accounts.attemptStore')
type WithStore = { [STORE]?: AttemptStore }

/**
 * One store for the process, made at the first sign-in: shared by every instance through Redis in
 * shared mode (REDIS_URL), so N instances do not allow N times the limits; in memory otherwise.
 * On a global, so every bundle Next makes of these hooks counts in the same place.
 */
function storeFor(payload: Payload): AttemptStore {
  const holder = globalThis as WithStore
  if (!holder[STORE]) {
    const redis = readRedisEnv()
    holder[STORE] = redis
      ? sharedAttemptStore({ redis: sharedStateRedis(redis), prefix: redis.prefix, secret: payload.secret, logger: payload.logger })
      : memoryAttemptStore()
  }
  return holder[STORE]
}

/** The production server leaves one trusted client address in X-Forwarded-For (src/lib/ipAddress.ts). */
const addressOf = (req: PayloadRequest) => clientIp(req.headers)

/**
 * Named explicitly: the production build shortens class names, and Payload answers an error
 * without a name as "An unknown error occurred." instead of with its message.
 */
class TooManyAttempts extends APIError {
  constructor(message: string) {
    super(message, 429)
    this.name = 'TooManyAttempts'
  }
}

/** 429 with Retry-After; Payload's REST error response merges `req.responseHeaders`. */
function refuse({ req, retryAfterMs, message }: { req: PayloadRequest; retryAfterMs: number; message: (minutes: number) => string }): never {
  const seconds = Math.ceil(retryAfterMs / 1000)
  const headers = new Headers(req.responseHeaders)
  headers.set('Retry-After', String(seconds))
  req.responseHeaders = headers
  throw new TooManyAttempts(message(Math.ceil(seconds / 60)))
}

/**
 * Before a sign-in: refuse it when its address is over a limit, count it, and for an email with
 * no usable account (unknown, or locked) spend the time a password check takes, so the answer's
 * timing does not tell which emails have accounts. Requests only: server code calling the Local
 * API is not an outsider.
 */
export const throttleLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || req.payloadAPI === 'local') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  const email = normalizeEmail(data?.email)
  const rules = loginRules({ address: addressOf(req), email })
  const at = Date.now()
  const result = await takeAttempt({ store: storeFor(req.payload), rules, now: at })
  if (!result.allowed) refuse({ req, retryAfterMs: result.retryAfterMs, message: messages.tooManyLogins })
  const attempt: LoginAttempt = { rules, at }
  req.context[ATTEMPT] = attempt
  if (email && !(await hasUnlockedAccount({ req, email }))) await hashDummyPassword(typeof data?.password === 'string' ? data.password : '')
  return args
}

/** Whether the email belongs to an account Payload will check the password of (it answers a locked one without checking). */
async function hasUnlockedAccount({ req, email }: { req: PayloadRequest; email: string }): Promise<boolean> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    select: { lockUntil: true },
    showHiddenFields: true,
    overrideAccess: true,
    depth: 0,
    limit: 1,
  })
  const [user] = docs
  if (!user) return false
  return !user.lockUntil || new Date(user.lockUntil).getTime() <= Date.now()
}

/** A sign-in that worked takes its attempt back (see forgetSuccess). */
export const forgetSuccessfulLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const attempt = req.context[ATTEMPT] as LoginAttempt | undefined
  if (attempt) await forgetSuccess({ store: storeFor(req.payload), rules: attempt.rules, at: attempt.at })
  return user
}

/**
 * One message for every failed sign-in. Payload says "locked" only for real accounts, which told
 * an outsider which emails exist; now a locked owner reads that a password reset gets them in.
 */
export const answerLoginFailuresAlike: CollectionAfterErrorHook = ({ error, req }) => {
  if (!req.context[ATTEMPT]) return
  if (!(error instanceof AuthenticationError) && !(error instanceof LockedAuth)) return
  return { status: 401, response: { errors: [{ message: messages.loginFailed }] } }
}

/** Password-reset emails: a few per address per hour, so the form cannot flood anyone's inbox. */
export const throttleForgotPassword: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'forgotPassword' || req.payloadAPI === 'local') return args
  const result = await takeAttempt({ store: storeFor(req.payload), rules: forgotPasswordRules({ address: addressOf(req) }), now: Date.now() })
  if (!result.allowed) refuse({ req, retryAfterMs: result.retryAfterMs, message: messages.tooManyResets })
  return args
}
