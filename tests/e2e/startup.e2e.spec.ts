import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'

/**
 * Start-up failures end the process with one readable line: a server that cannot listen must not
 * live on without listening, where a supervisor would take it for a running site.
 */
test.describe('Production server start-up', () => {
  test('a second server on a port already in use exits 1 with one line saying so', async ({ baseURL }) => {
    // The build takes a while to load before the server tries to listen.
    test.slow()
    const port = new URL(baseURL ?? '').port
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/productionServer/start.ts', '--port', port], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))

    expect(code).toBe(1)
    const lines = stderr.split('\n').filter((line) => line.trim() !== '')
    expect(lines.filter((line) => line.includes('is already in use'))).toHaveLength(1)
    // One line, not a stack trace.
    expect(lines.filter((line) => /^\s+at /.test(line))).toEqual([])
  })
})
