import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** pid: the process group's leader (taskset, then npm or nginx), for reading its memory. */
export type Server = { url: string; stop: () => Promise<void>; pid?: number }

const root = path.resolve(import.meta.dirname, '..')

/**
 * A GET that is tried once more when the connection fails: the bench's requests come seconds
 * apart (wrk runs in between), and a keep-alive connection the server closed meanwhile fails the
 * first try. Any answer, error statuses included, is returned as it is.
 */
export async function get(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch {
    return fetch(url, init)
  }
}

export async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs / 1000}s`)
}

/**
 * A server process pinned to core 0 (or the given cores) with every process it starts, in its own
 * process group so that stop() ends all of them; stop() waits for the exit, so the caller may
 * remove its files.
 */
function pinned(command: string, args: string[], options: { env: NodeJS.ProcessEnv; log: string; cores?: string }) {
  const log = fs.openSync(options.log, 'a')
  const child = spawn('taskset', ['-c', options.cores ?? '0', command, ...args], { cwd: root, env: options.env, stdio: ['ignore', log, log], detached: true })
  fs.closeSync(log)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    pid: child.pid,
    stop: async () => {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGTERM')
      await exited
    },
  }
}

/** The production server (`npm run serve`: src/productionServer/start.ts, what `npm start` runs) on the repository's build. */
export async function startApp({ port, env, log, cores }: { port: number; env: NodeJS.ProcessEnv; log: string; cores?: string }): Promise<Server> {
  const url = `http://127.0.0.1:${port}`
  const { stop, pid } = pinned('npm', ['run', 'serve', '--', '--port', String(port)], { env, log, cores })
  try {
    await waitForServer(`${url}/`, 120_000)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}; its log: ${log}`)
  }
  return { url, stop, pid }
}

/** The deploy/ front (deploy/run.sh) with one worker, in front of the app (or several), serving the app's page store. */
export async function startFront({ port, upstream, prefix, store, log, cores }: { port: number; upstream: string | string[]; prefix: string; store: string; log: string; cores?: string }): Promise<Server> {
  const url = `http://127.0.0.1:${port}`
  const upstreams = (Array.isArray(upstream) ? upstream : [upstream]).flatMap((address) => ['--upstream', address])
  const args = ['deploy/run.sh', '--listen', `127.0.0.1:${port}`, ...upstreams, '--prefix', prefix, '--store', store, '--workers', '1', '--access-log', 'off']
  const { stop } = pinned('bash', args, { env: process.env, log, cores })
  try {
    await waitForServer(`${url}/`, 30_000)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}; its log: ${log}`)
  }
  return { url, stop }
}

/** Debian's nginx serving one file, the same bytes as the page, at the page's path: the physical limit. */
export async function startStaticNginx({ port, dir, pagePath, body }: { port: number; dir: string; pagePath: string; body: Buffer }): Promise<Server> {
  const url = `http://127.0.0.1:${port}`
  fs.mkdirSync(path.join(dir, 'www'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'temp'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'www/page.html'), body)
  // Started as root, nginx's workers run as nobody and must reach the file.
  for (const d of [dir, path.join(dir, 'www'), path.join(dir, 'temp')]) fs.chmodSync(d, 0o755)
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
lock_file ${dir}/nginx.lock;
error_log stderr warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  # As deploy/nginx.conf.template, and for the same reason: TCP_CORK costs a page's p99 40 ms here, and no req/s.
  tcp_nopush off;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/temp/client_body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  server {
    listen 127.0.0.1:${port};
    location = ${pagePath} { default_type 'text/html; charset=utf-8'; alias ${dir}/www/page.html; }
  }
}
`,
  )
  const log = path.join(dir, 'nginx.log')
  const { stop } = pinned('nginx', ['-e', 'stderr', '-p', `${dir}/`, '-c', `${dir}/nginx.conf`], { env: process.env, log })
  try {
    await waitForServer(`${url}${pagePath}`, 10_000)
  } catch (error) {
    // Left running, it would hold the port for the next bench.
    await stop()
    throw new Error(`${(error as Error).message}; its log: ${log}`)
  }
  return { url, stop }
}
