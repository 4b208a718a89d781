import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

type Outcome = { code: number | null; stdout: string; stderr: string }

/** Runs `npx tsx src/db/prepare.ts` (npm run prepare-db) against the given DATABASE_URL. */
function prepareDb(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/db/prepare.ts'], {
      // npm's own warnings about the machine's npm config are not the command's output.
      env: { ...process.env, DATABASE_URL: databaseUrl, BYLINE_SKIP_DEMO: 'true', npm_config_loglevel: 'error', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '')

describe('prepare-db', () => {
  describe.each([
    ['an unknown scheme', 'redis://x', 'DATABASE_URL has the unknown scheme "redis"'],
    ['a PostgreSQL server that is not running', 'postgres://postgres@127.0.0.1:1/nope', 'Cannot reach the database at postgres://postgres@127.0.0.1:1/nope (ECONNREFUSED)'],
    ['an unreachable server with a password', 'postgres://byline:hunter2@127.0.0.1:1/nope', 'Cannot reach the database at postgres://byline:***@127.0.0.1:1/nope'],
  ])('given %s', (_, databaseUrl, expected) => {
    let outcome: Outcome

    beforeAll(async () => {
      outcome = await prepareDb(databaseUrl)
    })

    it('exits with status 1', () => {
      expect(outcome.code, outcome.stderr).toBe(1)
    })

    it('says what is wrong in one line that names DATABASE_URL', () => {
      const problem = lines(outcome.stderr).filter((line) => line.includes(expected))
      expect(problem, outcome.stderr).toHaveLength(1)
      expect(problem[0]).toContain('DATABASE_URL')
      expect(lines(outcome.stderr).filter((line) => line.includes('DATABASE_URL'))).toHaveLength(1)
    })

    it('prints no stack trace and no password', () => {
      const output = `${outcome.stdout}\n${outcome.stderr}`
      expect(output).not.toMatch(/^ {4}at /m)
      expect(output).not.toContain('hunter2')
    })
  })
})

describe('prepare-db with the embedded SQLite database', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-prepare-'))

  afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true })
  })

  it.each([
    ['random bytes', () => Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 251))],
    ['a SQLite header followed by garbage', () => Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x5a)])],
  ])('refuses a file of %s with exit 1 and one line naming the file, without a stack trace', async (_, bytes) => {
    const file = path.join(scratch, `damaged-${Math.random().toString(36).slice(2)}.db`)
    fs.writeFileSync(file, bytes())
    const outcome = await prepareDb(`file:${file}`, { DATA_DIR: scratch })
    expect(outcome.code, outcome.stderr).toBe(1)
    const output = lines(`${outcome.stdout}\n${outcome.stderr}`)
    expect(output, outcome.stderr).toHaveLength(1)
    expect(output[0]).toContain(`${file} is not a usable SQLite database`)
    expect(output[0]).toContain('Restore it from a backup')
  })

  it('creates the data directory for its owner only (0700) and the database file readable by its owner only (0600)', async () => {
    const dataDir = path.join(scratch, 'fresh', 'data')
    const outcome = await prepareDb('', { DATA_DIR: dataDir })
    expect(outcome.code, outcome.stderr).toBe(0)
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700)
    for (const name of fs.readdirSync(dataDir).filter((entry) => entry.startsWith('byline.db'))) {
      expect(fs.statSync(path.join(dataDir, name)).mode & 0o777, name).toBe(0o600)
    }
    expect(fs.existsSync(path.join(dataDir, 'byline.db'))).toBe(true)
  })
})
