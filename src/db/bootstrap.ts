import type { Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

import type { Env } from '@/lib/env'

import { ConfigurationError, readEnv } from '@/lib/env'
import { preloadLexical } from '@/lib/preloadLexical'

import { migrate } from './belowPayload'
import { checkDatabaseReachable } from './preflight'

/**
 * Starts Payload for a command-line task: checks the environment and the database first so
 * that a misconfiguration ends in one readable line, then applies committed migrations.
 */
export async function bootPayload({ logTo }: { logTo?: { write: (line: string) => void } } = {}): Promise<{ env: Env; payload: Payload }> {
  const env = readEnv()
  await checkDatabaseReachable(env.database)
  await preloadLexical()
  const { default: configPromise } = await import('@payload-config')
  const config = await configPromise
  // A command whose stdout is its output (JSON) sends Payload's log lines elsewhere.
  // (SanitizedConfig types `logger` as fully-defaulted pino options; Payload's getLogger takes partial ones.)
  const logger = logTo ? ({ options: {}, destination: logTo } as unknown as SanitizedConfig['logger']) : config.logger
  const payload = await getPayload({ config: { ...config, logger } })
  // MongoDB has no schema to migrate; the SQL adapters read their committed migration files.
  if (env.database.kind !== 'mongodb') await migrate(payload)
  return { env, payload }
}

/** Runs a command, printing a configuration problem as a sentence (exit 1), anything else in full. */
export function runCommand(task: () => Promise<void>): void {
  // A task whose promise never settles would otherwise let Node exit 0 once the event loop is
  // empty; a command that did not finish must never look like success.
  process.once('beforeExit', () => {
    console.error('The command stopped before finishing (a pending import or connection never settled).')
    process.exit(1)
  })
  task().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof ConfigurationError) {
        console.error(`\n${error.message}\n`)
      } else {
        console.error(error)
      }
      process.exit(1)
    },
  )
}
