import { defineConfig } from '@playwright/test'

/**
 * The two-instance end-to-end suite (issue #7): app instances A and B from one build, nginx from
 * deploy/ in front of both, PostgreSQL, Redis and S3 shared. Run it with `bash scripts/e2e-multi.sh`,
 * which creates the database, starts Redis and radosgw and sets the environment read here and in
 * tests/helpers/cluster.ts. The tests start the instances and nginx themselves, because some of
 * them kill and restart one. Plain HTTP: what is tested is what each instance and the front answer.
 */

const messages = {
  notPrepared:
    'E2E_MULTI_DIR is not set. Run the two-instance suite with `bash scripts/e2e-multi.sh`, which prepares PostgreSQL, Redis and S3 for it.',
}

if (!process.env.E2E_MULTI_DIR) throw new Error(messages.notPrepared)

export default defineConfig({
  testDir: 'tests/e2e-multi',
  testMatch: '**/*.e2e.spec.ts',
  outputDir: 'test-results/multi',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  // Starting an instance takes 10–30 s on a busy two-core machine; a scheduled publish waits for the minute.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  use: { baseURL: `http://127.0.0.1:${process.env.E2E_FRONT_PORT ?? 0}` },
})
