import { spawn } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'

type Outcome = { code: number | null; stdout: string; stderr: string }

/** Runs `npx tsx src/db/prepare.ts` (npm run prepare-db) against the given DATABASE_URL. */
function prepareDb(databaseUrl: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/db/prepare.ts'], {
      // npm's own warnings about the machine's npm config are not the command's output.
      env: { ...process.env, DATABASE_URL: databaseUrl, BYLINE_SKIP_DEMO: 'true', npm_config_loglevel: 'error' },
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
