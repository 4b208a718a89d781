import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

/**
 * Payload's password hashing (pbkdf2-sha256, 600,000 iterations, 32-byte key, in
 * payload/dist/auth/strategies/local/generatePasswordSaltHash.js). The login test compares the
 * timing of real and unknown emails, so a change of these in Payload shows there.
 */
const ITERATIONS = 600_000
const KEY_LENGTH = 32

const derive = promisify(pbkdf2)

/** Spends the time checking a password takes, for an email that has no account to check it against. */
export async function hashDummyPassword(password: string): Promise<void> {
  await derive(password, randomBytes(32).toString('hex'), ITERATIONS, KEY_LENGTH, 'sha256')
}
