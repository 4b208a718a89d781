import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

import { dropTestDatabase } from './testDatabase'

/**
 * Migrates the run's fresh database with the same command a deployment uses (prepare-db),
 * without the demo content: the seed's own test adds it and checks it.
 */
export async function setup() {
  execFileSync('npx', ['tsx', 'src/db/prepare.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, BYLINE_SKIP_DEMO: 'true' },
  })
}

export async function teardown() {
  await dropTestDatabase({ url: process.env.DATABASE_URL ?? '', adminUrl: process.env.BYLINE_TEST_ADMIN_URL ?? '' })
  fs.rmSync(process.env.DATA_DIR ?? '', { recursive: true, force: true })
}
