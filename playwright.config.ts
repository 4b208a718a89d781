import { defineConfig, devices } from '@playwright/test'
import os from 'node:os'
import path from 'node:path'

/**
 * End-to-end tests in Debian's Chromium against the production server (src/productionServer/start.ts: a
 * production build behind the response cache, what `npm start` runs). Run them with
 * `bash scripts/e2e.sh`, which prepares a throwaway seeded database, builds, and sets the
 * environment read here; Playwright's own browser downloads are not reachable from our machines.
 */

const messages = {
  missingDataDir:
    'DATA_DIR is not set. Run the end-to-end tests with `bash scripts/e2e.sh`, which prepares a throwaway seeded database and a production build; the tests write to the database and read its demo-credentials.txt.',
}

if (!process.env.DATA_DIR) throw new Error(messages.missingDataDir)

const port = Number(process.env.E2E_PORT ?? 3107)
const baseURL = `http://localhost:${port}`
// nginx from deploy/ in front of the same server (tests/e2e/deploy.e2e.spec.ts); the specs read the port from here.
const frontPort = Number(process.env.E2E_FRONT_PORT ?? port + 1)
process.env.E2E_FRONT_PORT = String(frontPort)
const frontPrefix = process.env.E2E_FRONT_PREFIX ?? path.join(os.tmpdir(), `byline-e2e-front-${frontPort}`)
// The page store (src/productionServer/pageStore.ts): the app writes its cached pages here and nginx serves them.
const pageStore = path.join(frontPrefix, 'pages')

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  // A cold production server compiles nothing, but the admin's first render of a document with a
  // long Lexical body is slow on a two-core machine.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npm run serve -- --port ${port}`,
      url: `${baseURL}/admin/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        // serverURL must be the origin the browser uses (see scripts/e2e.sh).
        NEXT_PUBLIC_SERVER_URL: process.env.NEXT_PUBLIC_SERVER_URL ?? baseURL,
        NEXT_TELEMETRY_DISABLED: '1',
        BYLINE_PAGE_STORE: pageStore,
      },
    },
    {
      name: 'nginx',
      // Started after the app (Playwright starts these in order); answers once both are up.
      command: `bash deploy/run.sh --listen 127.0.0.1:${frontPort} --upstream 127.0.0.1:${port} --prefix ${frontPrefix} --store ${pageStore} --access-log off`,
      url: `http://127.0.0.1:${frontPort}/admin/login`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
})
