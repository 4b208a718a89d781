import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * Every run gets a database of its own: a temporary SQLite file by default, or a throwaway
 * database on the server named by TEST_POSTGRES_URL / TEST_MONGODB_URL when BYLINE_TEST_DB says
 * so. The environment is fixed here, before any worker imports payload.config.ts.
 */
const target = process.env.BYLINE_TEST_DB ?? 'sqlite'

function databaseUrl(runId: string, dataDir: string): string {
  if (target === 'sqlite') return `file:${path.join(dataDir, 'test.db')}`
  const server = target === 'postgres' ? process.env.TEST_POSTGRES_URL : process.env.TEST_MONGODB_URL
  if (!server) throw new Error(`BYLINE_TEST_DB=${target} needs TEST_${target.toUpperCase()}_URL to be set.`)
  const url = new URL(server)
  url.pathname = `/${runId}`
  return url.toString()
}

function newTestEnv(): Record<string, string> {
  const runId = `byline_test_${Date.now()}_${randomBytes(3).toString('hex')}`
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-int-'))
  return {
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl(runId, dataDir),
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    BYLINE_TEST_ADMIN_URL: target === 'sqlite' ? '' : (target === 'postgres' ? process.env.TEST_POSTGRES_URL : process.env.TEST_MONGODB_URL) ?? '',
  }
}

// Vitest evaluates this file more than once in its main process (once per project here). The
// first evaluation picks the run's database and the later ones reuse it: otherwise globalSetup
// would migrate one database while the test workers open another.
process.env.BYLINE_TEST_ENV ??= JSON.stringify(newTestEnv())
const testEnv: Record<string, string> = JSON.parse(process.env.BYLINE_TEST_ENV)
Object.assign(process.env, testEnv)

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts'),
      '@': path.resolve(import.meta.dirname, 'src'),
    },
  },
  test: {
    env: testEnv,
    setupFiles: ['tests/helpers/setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        // Plain functions and the server's parts: no database, files in parallel, seconds in all
        // (`npx vitest run --project unit`).
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.spec.ts'] },
      },
      {
        // Against the run's real database, migrated once by globalSetup, shared by files that run
        // one at a time: each file cleans up after itself.
        extends: true,
        test: { name: 'int', include: ['tests/int/**/*.int.spec.ts'], globalSetup: ['tests/helpers/globalSetup.ts'], fileParallelism: false },
      },
    ],
  },
})
