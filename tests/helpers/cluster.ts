import type { ChildProcess } from 'node:child_process'

import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The processes of the two-instance suite: app instances A and B (`npm run serve` on the existing
 * build), nginx from deploy/ in front of both, and the suite's own Redis. scripts/e2e-multi.sh
 * prepares the shared services and the environment; the tests start and stop these, since some
 * kill one on purpose.
 */

const messages = {
  missing: (name: string) => `${name} is not set: run the two-instance suite with \`bash scripts/e2e-multi.sh\`.`,
  notReady: (name: string, url: string, log: string) => `${name} did not answer ${url} in time; its log: ${log}`,
  exited: (name: string, log: string) => `${name} exited while starting; its log: ${log}`,
}

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(messages.missing(name))
  return value
}

const root = path.resolve(import.meta.dirname, '../..')
const work = () => required('E2E_MULTI_DIR')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether anything answers the URL below 500 (a starting Next answers nothing, then 200s). */
async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { redirect: 'manual' })).status < 500
  } catch {
    // Refused or reset: not listening yet.
    return false
  }
}

type Running = { child: ChildProcess; exited: Promise<void> }

/**
 * Whether a process of the group is still alive (Linux /proc). A zombie counts as gone: the kernel
 * closed its sockets before it became one.
 */
function groupAlive(pgid: number): boolean {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      // Gone between the listing and the read.
      continue
    }
    // pid (comm) state ppid pgrp …: the command may hold spaces and parentheses, so read after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true
  }
  return false
}

/** A command in a process group of its own, its output in a log file, so a stop ends everything it started. */
function launch(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): Running {
  const fd = fs.openSync(log, 'a')
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', fd, fd], detached: true })
  fs.closeSync(fd)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { child, exited }
}

async function waitUntilAnswering(name: string, url: string, running: Running, log: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null || running.child.signalCode !== null) throw new Error(messages.exited(name, log))
    if (await answers(url)) return
    await sleep(250)
  }
  throw new Error(messages.notReady(name, url, log))
}

export class ManagedProcess {
  private running: Running | null = null

  constructor(
    readonly name: string,
    readonly url: string,
    private readonly command: () => { command: string; args: string[]; env: NodeJS.ProcessEnv },
    private readonly readyPath: string,
  ) {}

  get log() {
    return path.join(work(), `${this.name}.log`)
  }

  private get pidFile() {
    return path.join(work(), `${this.name}.pgid`)
  }

  get isRunning() {
    return this.running !== null
  }

  async start() {
    if (this.running) return
    const { command, args, env } = this.command()
    const running = launch(command, args, env, this.log)
    this.running = running
    // For scripts/e2e-multi.sh to end the group should this worker die without stopping it.
    if (running.child.pid) fs.writeFileSync(this.pidFile, String(running.child.pid))
    try {
      await waitUntilAnswering(this.name, `${this.url}${this.readyPath}`, running, this.log, 180_000)
    } catch (error) {
      await this.stop('SIGKILL')
      throw error
    }
  }

  /**
   * SIGTERM is a shutdown, SIGKILL a crash. Resolves once the process and its whole group have gone:
   * npm exits at once, while the server it started may still be tearing down a large heap with its
   * sockets open, so a "crashed" instance would still accept connections.
   */
  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    const running = this.running
    if (!running) return
    this.running = null
    fs.rmSync(this.pidFile, { force: true })
    const pid = running.child.pid
    if (pid && running.child.exitCode === null && running.child.signalCode === null) {
      try {
        process.kill(-pid, signal)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
      }
    }
    await running.exited
    for (let waited = 0; pid && groupAlive(pid) && waited < 30_000; waited += 20) await sleep(20)
  }
}

/** The page store, served by nginx: shared by A and B, written by one of them (deploy/README.md). */
export const pageStore = () => path.join(work(), 'pages')

function instance(name: 'A' | 'B', portVariable: string) {
  const port = Number(required(portVariable))
  return new ManagedProcess(
    name,
    `http://127.0.0.1:${port}`,
    () => {
      // A data directory each, as on two machines: only what is shared (PostgreSQL, Redis, S3) may carry content between them.
      const dataDir = path.join(work(), `data-${name}`)
      fs.mkdirSync(dataDir, { recursive: true })
      return {
        command: 'npm',
        args: ['run', 'serve', '--', '--port', String(port)],
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          BYLINE_INSTANCE: `e2e-${name}`,
          BYLINE_PAGE_STORE: pageStore(),
          npm_config_loglevel: 'error',
        },
      }
    },
    '/admin/login',
  )
}

export const appA = instance('A', 'E2E_A_PORT')
export const appB = instance('B', 'E2E_B_PORT')

export const front = new ManagedProcess(
  'nginx',
  `http://127.0.0.1:${required('E2E_FRONT_PORT')}`,
  () => ({
    command: 'bash',
    args: [
      'deploy/run.sh',
      '--listen',
      `127.0.0.1:${required('E2E_FRONT_PORT')}`,
      '--upstream',
      new URL(appA.url).host,
      '--upstream',
      new URL(appB.url).host,
      '--prefix',
      path.join(work(), 'front'),
      '--store',
      pageStore(),
      '--workers',
      '1',
      '--access-log',
      'off',
    ],
    env: process.env,
  }),
  '/admin/login',
)

/** A first, so that it holds the page store's writer seat and B follows: the tests kill the writer on purpose. */
export async function startCluster() {
  await appA.start()
  await appB.start()
  await front.start()
}

export async function stopCluster() {
  await front.stop()
  await Promise.all([appA.stop(), appB.stop()])
}

// --- the suite's Redis ----------------------------------------------------------------------

const redisPort = () => required('E2E_REDIS_PORT')

function redisAnswers(): boolean {
  try {
    return execFileSync('redis-cli', ['-p', redisPort(), 'ping'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'PONG'
  } catch {
    // redis-cli exits non-zero when nothing listens.
    return false
  }
}

/** Stops the suite's Redis (every instance loses its connection at once) and waits until it is gone. */
export async function stopRedis() {
  execFileSync('redis-cli', ['-p', redisPort(), 'shutdown', 'nosave'], { stdio: 'ignore' })
  for (let tries = 0; tries < 50 && redisAnswers(); tries += 1) await sleep(100)
}

/** Starts it again, empty, as scripts/e2e-multi.sh did, and waits until it answers. */
export async function startRedis() {
  if (redisAnswers()) return
  execFileSync('bash', ['-c', required('E2E_REDIS_COMMAND')], { stdio: 'ignore' })
  for (let tries = 0; tries < 50 && !redisAnswers(); tries += 1) await sleep(100)
  if (!redisAnswers()) throw new Error(`Redis did not come back on port ${redisPort()}; its log: ${path.join(work(), 'redis.log')}`)
}
