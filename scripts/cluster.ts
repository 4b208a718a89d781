/**
 * `npm run cluster -- [--instances N] [--port P] [--front-port F] [--s3] [--dir DIR]`: a local
 * cluster on this machine, what several machines run in production, on one.
 *
 * - the database: DATABASE_URL when it names a PostgreSQL server, otherwise the database
 *   `byline_cluster` on the local server (postgres://postgres@127.0.0.1:5432), created once and
 *   kept, so a second run shows the same newsroom;
 * - Redis: REDIS_URL, otherwise the local server on 127.0.0.1:6379;
 * - S3 (with --s3): a single-node radosgw from scripts/s3-server.sh, stopped (and emptied) on exit;
 *   without it, uploads go to DIR/data/media, which every instance on this machine shares;
 * - `npm run prepare-db` once, `next build` when there is no build yet;
 * - N production servers (`npm run serve`, default: one per core) on P, P+1, …, all given the
 *   page store: one writes it, the others take over should it go (deploy/README.md);
 * - nginx from deploy/ on F in front of all of them.
 *
 * It prints the URLs and runs until Ctrl-C, which stops everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { parseArgs } from 'node:util'

const root = path.resolve(import.meta.dirname, '..')
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres'
const LOCAL_REDIS = 'redis://127.0.0.1:6379'
const CLUSTER_DATABASE = 'byline_cluster'

const messages = {
  usage: 'Usage: npm run cluster -- [--instances N] [--port P] [--front-port F] [--s3] [--dir DIR]',
  instances: (value: string) => `--instances must be a whole number from 1 to 16, not "${value}".`,
  port: (flag: string, value: string) => `${flag} must be a port number, not "${value}".`,
  notPostgres: (url: string) =>
    `DATABASE_URL is ${url.split(':')[0]}:…, but several instances need one shared server database: set DATABASE_URL to a PostgreSQL URL, or unset it to use the local PostgreSQL server.`,
  noPostgres: (cause: string) =>
    `No PostgreSQL server answers at 127.0.0.1:5432 (${cause}). Start one (Debian: apt-get install postgresql), or set DATABASE_URL.`,
  noRedis: (url: string, cause: string) =>
    `No Redis answers at ${url} (${cause}). Start one (redis-server --daemonize yes), or set REDIS_URL.`,
  noNginx: 'nginx is not installed: the cluster puts deploy/ (nginx) in front of the instances. On Debian: apt-get install nginx.',
  step: (command: string, code: number | null) => `${command} failed (exit ${code ?? 'by signal'}); see its output above.`,
  notReady: (name: string, url: string, seconds: number) => `${name} did not answer ${url} within ${seconds}s; see its output above.`,
  exited: (name: string, code: number | null, signal: NodeJS.Signals | null) =>
    `${name} exited (${signal ?? `code ${code}`}); nginx sends its readers to the other instances.`,
}

type Options = { instances: number; port: number; frontPort: number; s3: boolean; dir: string }

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string' },
      port: { type: 'string', default: '3100' },
      'front-port': { type: 'string', default: '8080' },
      s3: { type: 'boolean', default: false },
      dir: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(messages.usage)
    process.exit(0)
  }
  const instancesText = values.instances ?? String(os.availableParallelism())
  const instances = Number(instancesText)
  if (!Number.isInteger(instances) || instances < 1 || instances > 16) throw new Error(messages.instances(instancesText))
  const portOf = (flag: string, text: string) => {
    const port = Number(text)
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(messages.port(flag, text))
    return port
  }
  return {
    instances,
    port: portOf('--port', values.port),
    frontPort: portOf('--front-port', values['front-port']),
    s3: values.s3,
    dir: path.resolve(values.dir ?? path.join(root, 'data', 'cluster')),
  }
}

// --- the shared services --------------------------------------------------------------------

/** The cluster's PostgreSQL database: DATABASE_URL's, or byline_cluster on the local server, created on first use. */
async function clusterDatabase(): Promise<string> {
  const given = process.env.DATABASE_URL?.trim()
  if (given) {
    if (!/^postgres(?:ql)?:\/\//.test(given)) throw new Error(messages.notPostgres(given))
    return given
  }
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: LOCAL_POSTGRES })
  try {
    await client.connect()
  } catch (error) {
    throw new Error(messages.noPostgres(error instanceof Error ? error.message : String(error)))
  }
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [CLUSTER_DATABASE])
    if (!rowCount) await client.query(`create database ${CLUSTER_DATABASE}`)
  } finally {
    await client.end()
  }
  const url = new URL(LOCAL_POSTGRES)
  url.pathname = `/${CLUSTER_DATABASE}`
  return url.toString()
}

async function checkRedis(url: string) {
  const { Redis } = await import('ioredis')
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  // The connection's own error says why (refused, unknown host); the command's only that it closed.
  let cause: Error | undefined
  redis.on('error', (error: Error) => (cause ??= error))
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    throw new Error(messages.noRedis(url, (cause ?? (error instanceof Error ? error : new Error(String(error)))).message))
  } finally {
    redis.disconnect()
  }
}

/** The secret every instance must share (sessions, IP hashes): kept in the cluster's directory across runs. */
function sharedSecret(dir: string): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(dir, 'payload-secret')
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return fs.readFileSync(file, 'utf8').trim()
}

/** A URL fit for the console: no user or password. */
const withoutCredentials = (url: string) => url.replace(/\/\/[^@/]*@/, '//')

/** `export NAME='value'` lines, as scripts/s3-server.sh prints them, into an object. */
function parseExports(text: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const match = /^export ([A-Z0-9_]+)=(?:'([^']*)'|"([^"]*)"|(\S*))$/.exec(line.trim())
    if (match?.[1]) found[match[1]] = match[2] ?? match[3] ?? match[4] ?? ''
  }
  return found
}

// --- processes ------------------------------------------------------------------------------

/** Every process started here, in its own process group, so a stop ends what it started in turn. */
const running = new Set<ChildProcess>()

function prefixLines(stream: NodeJS.ReadableStream | null, name: string, to: NodeJS.WritableStream) {
  if (!stream) return
  readline.createInterface({ input: stream }).on('line', (line) => to.write(`[${name}] ${line}\n`))
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  running.add(child)
  child.once('exit', () => running.delete(child))
  prefixLines(child.stdout, name, process.stdout)
  prefixLines(child.stderr, name, process.stderr)
  return child
}

function runStep(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = start(name, command, args, env)
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(messages.step(`${command} ${args.join(' ')}`, code)))))
  })
}

async function waitFor(name: string, url: string, child: ChildProcess, seconds: number) {
  const deadline = Date.now() + seconds * 1000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(messages.notReady(name, url, seconds))
    const answered = await fetch(url).then(
      (response) => response.status < 500,
      () => false,
    )
    if (answered) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(messages.notReady(name, url, seconds))
}

async function stopAll() {
  const exits = [...running].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve))))
  for (const child of running) {
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch (error) {
        // Already gone between the check and the signal: nothing left to stop.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
      }
    }
  }
  await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 10_000))])
}

// --- the run --------------------------------------------------------------------------------

async function main() {
  const options = readOptions()
  if (!fs.existsSync('/usr/sbin/nginx') && !fs.existsSync('/usr/bin/nginx')) throw new Error(messages.noNginx)
  fs.mkdirSync(options.dir, { recursive: true })
  const dataDir = path.join(options.dir, 'data')
  const store = path.join(options.dir, 'pages')
  fs.mkdirSync(dataDir, { recursive: true })
  // nginx's workers may run as another user: they must reach the page store.
  fs.chmodSync(options.dir, 0o755)

  const databaseUrl = await clusterDatabase()
  const redisUrl = process.env.REDIS_URL?.trim() || LOCAL_REDIS
  await checkRedis(redisUrl)
  const frontUrl = `http://localhost:${options.frontPort}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: sharedSecret(options.dir),
    REDIS_URL: redisUrl,
    BYLINE_REDIS_PREFIX: process.env.BYLINE_REDIS_PREFIX ?? `byline:${new URL(databaseUrl).pathname.slice(1) || 'cluster'}:`,
    // Readers and editors come through the front: the admin checks request origins against it.
    NEXT_PUBLIC_SERVER_URL: process.env.NEXT_PUBLIC_SERVER_URL ?? frontUrl,
  }

  let shuttingDown = false
  const stopping = async (code: number) => {
    // Ctrl-C and the processes it ends each ask for a stop: the first one does it.
    if (shuttingDown) return
    shuttingDown = true
    console.log('\n== stopping the cluster')
    await stopAll()
    if (options.s3) await runStep('s3', 'bash', ['scripts/s3-server.sh', 'stop', '--dir', path.join(options.dir, 's3')], process.env).catch((error: unknown) => console.error(error))
    process.exit(code)
  }
  process.once('SIGINT', () => void stopping(0))
  process.once('SIGTERM', () => void stopping(0))

  try {
    if (options.s3) {
      console.log('== S3: a single-node radosgw (scripts/s3-server.sh), about 20 s')
      const exports = await runStep('s3', 'bash', ['scripts/s3-server.sh', 'start', '--dir', path.join(options.dir, 's3')], env)
      Object.assign(env, parseExports(exports))
    }
    console.log(`== migrating ${withoutCredentials(databaseUrl)} (npm run prepare-db, once for every instance)`)
    await runStep('prepare-db', 'npx', ['tsx', 'src/db/prepare.ts'], env)
    if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
      console.log('== no build yet: next build (a few minutes)')
      await runStep('build', 'npx', ['next', 'build'], env)
    }

    const instances = Array.from({ length: options.instances }, (_, index) => {
      const name = `app${index + 1}`
      const port = options.port + index
      const child = start(name, 'npm', ['run', 'serve', '--', '--port', String(port)], {
        ...env,
        BYLINE_INSTANCE: `${os.hostname()}-${name}`,
        // Every instance shares the page store: the first up writes it, the others stand by (deploy/README.md).
        BYLINE_PAGE_STORE: store,
      })
      return { name, url: `http://127.0.0.1:${port}`, child }
    })
    await Promise.all(instances.map(({ name, url, child }) => waitFor(name, `${url}/admin/login`, child, 180)))

    const upstreams = instances.flatMap(({ url }) => ['--upstream', new URL(url).host])
    const front = start('nginx', 'bash', ['deploy/run.sh', '--listen', `127.0.0.1:${options.frontPort}`, ...upstreams, '--prefix', path.join(options.dir, 'nginx'), '--store', store], env)
    await waitFor('nginx', `http://127.0.0.1:${options.frontPort}/`, front, 30)

    // From here an instance that exits is reported, not fatal: that is what the front is for.
    for (const { name, child } of instances) child.once('exit', (code, signal) => shuttingDown || console.error(messages.exited(name, code, signal)))
    front.once('exit', () => void stopping(1))

    console.log('\n== the cluster is up')
    console.log(`   site (nginx, deploy/):  ${frontUrl}/   admin: ${frontUrl}/admin`)
    for (const { name, url } of instances) console.log(`   ${name}: ${url}/`)
    console.log(`   database: ${withoutCredentials(databaseUrl)}   redis: ${withoutCredentials(redisUrl)}   media: ${options.s3 ? `S3 at ${env.S3_ENDPOINT}` : path.join(dataDir, 'media')}`)
    console.log(`   demo logins: ${path.join(dataDir, 'demo-credentials.txt')}`)
    console.log('   Ctrl-C stops everything.')
  } catch (error) {
    console.error(`cluster: ${error instanceof Error ? error.message : String(error)}`)
    await stopping(1)
  }
}

main().catch((error: unknown) => {
  console.error(`cluster: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
