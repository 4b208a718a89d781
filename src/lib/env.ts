import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { isIP } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { isHttpUrl } from './httpUrl'

/**
 * The environment, read once and checked up front. Everything Byline reads from
 * `process.env` goes through here, so a misconfiguration is reported as one readable list
 * before Payload starts, not as a stack trace from deep inside an adapter.
 */

export type DatabaseChoice =
  | { kind: 'mongodb'; url: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'sqlite'; url: string }

export type Env = {
  database: DatabaseChoice
  dataDir: string
  mediaDir: string
  secret: string
  serverURL: string
  /** Addresses and CIDR ranges of the reverse proxies whose X-Forwarded-For entries are believed. */
  trustedProxies: string[]
  /** Outgoing email (src/email): an SMTP server, or null to print messages to the console. */
  email: EmailEnv
  /**
   * Shared mode (REDIS_URL): the purge log (src/cache) and the jobs lease (src/jobs) both use it;
   * null for the single process, as before.
   */
  redis: RedisEnv | null
  /** Media on S3-compatible storage (src/media/storage.ts); null keeps them in mediaDir. */
  s3: S3Env | null
  /** When the server runs the jobs queue (src/jobs/config.ts): croner's syntax, seconds first if six fields. */
  jobsCron: string
  /** The newsroom's IANA time zone: the admin shows times in it (src/lib/timeZone.ts). */
  timeZone: string
  /** The newsroom's name (BYLINE_SITE_NAME): masthead, titles, feeds, mail, structured data. */
  siteName: string
}

export type RedisEnv = {
  url: string
  /** Namespaces every key this site uses in Redis. */
  prefix: string
  /** Names this process in the log and as a lease owner. */
  instance: string
}

export type S3Env = {
  /** Absolute http(s) URL of an S3-compatible server; null for AWS S3 itself. */
  endpoint: string | null
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** `host/bucket/key` rather than `bucket.host/key`: what self-hosted servers (Ceph, MinIO) expect. */
  forcePathStyle: boolean
}

type SmtpEnv = { host: string; port: number; secure: boolean; auth: { user: string; pass: string } | null }
export type EmailEnv = { from: { name: string; address: string }; smtp: SmtpEnv | null }

export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

/** An S3 environment with one or more problems, each as one line, for the start-up report. */
export class S3ConfigurationError extends ConfigurationError {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

const messages = {
  malformedSiteName: (value: string) =>
    `BYLINE_SITE_NAME must be 1 to ${SITE_NAME_MAX} characters with no line breaks or control characters (got ${JSON.stringify(value.slice(0, SITE_NAME_MAX + 10))}).`,
  unknownScheme: (scheme: string) =>
    `DATABASE_URL has the unknown scheme "${scheme}". Use mongodb://, mongodb+srv://, postgres:// or file: (or leave it unset for the embedded SQLite database in data/).`,
  malformedUrl: (value: string) =>
    `DATABASE_URL "${redact(value)}" is not a URL. Example: postgres://user@127.0.0.1:5432/byline`,
  missingSecret:
    'PAYLOAD_SECRET is not set. Generate one with `openssl rand -hex 32` and put it in the environment (only the embedded SQLite demo may generate its own).',
  shortSecret: 'PAYLOAD_SECRET must be at least 32 characters long.',
  damagedSecretFile: (file: string) =>
    `${file} holds no usable secret (under 32 characters). Delete it to have a new one generated (this signs everyone out).`,
  retiredProxyHops: (value: string) =>
    `BYLINE_PROXY_HOPS "${value}" is retired: list the addresses (or CIDR ranges) of your reverse proxies in BYLINE_TRUSTED_PROXIES instead, e.g. BYLINE_TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8, and unset BYLINE_PROXY_HOPS.`,
  malformedTrustedProxy: (value: string) =>
    `BYLINE_TRUSTED_PROXIES has "${value}", which is neither an IP address nor a CIDR range. Example: BYLINE_TRUSTED_PROXIES=127.0.0.1,::1,10.0.0.0/8`,
  smtpWithoutHost: (names: string[]) => `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} set but SMTP_HOST is not. Set SMTP_HOST to send email, or unset the others to print emails to the console.`,
  malformedSmtpPort: (value: string) => `SMTP_PORT "${value}" is not a port number (1 to 65535).`,
  malformedSmtpSecure: (value: string) => `SMTP_SECURE "${value}" must be true (TLS from the start, usually port 465) or false (STARTTLS, usually 587).`,
  halfSmtpAuth: 'SMTP_USER and SMTP_PASS go together: set both, or neither for a server that needs no login.',
  malformedEmailFrom: (value: string) => `EMAIL_FROM "${value}" is not an address. Example: Byline <newsroom@example.com>`,
  malformedServerUrl: (value: string) =>
    `NEXT_PUBLIC_SERVER_URL "${value}" is not an absolute http(s) URL. Example: https://news.example.com`,
  malformedRedisUrl: (value: string) => `REDIS_URL "${redact(value)}" is not a redis:// or rediss:// URL. Example: redis://127.0.0.1:6379`,
  redisPrefixWithoutUrl: 'BYLINE_REDIS_PREFIX is set but REDIS_URL is not. Set REDIS_URL to share cache invalidation between instances, or unset BYLINE_REDIS_PREFIX.',
  malformedRedisPrefix: (value: string) => `BYLINE_REDIS_PREFIX "${value}" may hold only letters, digits and : . _ - (at most 64). Example: byline:`,
  malformedInstance: (value: string) => `BYLINE_INSTANCE "${value}" may hold only letters, digits and : . _ - (at most 100). Example: web-1`,
  sqliteShared:
    'REDIS_URL (shared mode, several instances) is set but the database is SQLite, which one process owns. Use PostgreSQL (DATABASE_URL=postgres://…) for several instances, or unset REDIS_URL to run one process on SQLite.',
  s3Missing: (name: string) => `${name} is not set, but other S3_* variables are: set it too, or unset them all to keep media on the local disk.`,
  s3MissingRegion: 'S3_REGION is not set: AWS S3 (no S3_ENDPOINT) needs the bucket\'s region, e.g. eu-west-1.',
  s3MalformedEndpoint: (value: string) => `S3_ENDPOINT "${value}" is not an absolute http(s) URL. Example: http://127.0.0.1:7480`,
  s3MalformedBucket: (value: string) => `S3_BUCKET "${value}" is not a valid bucket name (3 to 63 lowercase letters, digits, dots and hyphens).`,
  s3MalformedRegion: (value: string) => `S3_REGION "${value}" is not a region name (lowercase letters, digits and hyphens, e.g. us-east-1).`,
  s3MalformedKey: (name: string) => `${name} contains whitespace; copy the key again without spaces or line breaks.`,
  malformedJobsCron: (value: string) =>
    `BYLINE_JOBS_CRON "${value}" is not a cron schedule: five fields (minute hour day month weekday), or six with seconds first. Example: */10 * * * * * for every 10 seconds.`,
  malformedTimeZone: (value: string) =>
    `BYLINE_TIME_ZONE "${value}" is not an IANA time zone name. Examples: Europe/London, America/New_York, UTC.`,
  malformedPort: (value: string) => `PORT (or --port) "${value}" is not a port number (0 to 65535).`,
  malformedCacheMb: (value: string) => `BYLINE_RESPONSE_CACHE_MB "${value}" is not a number of megabytes (0 turns the response cache off).`,
  pageStoreWithoutCache: 'BYLINE_PAGE_STORE writes the pages the response cache keeps: it needs BYLINE_RESPONSE_CACHE_MB above 0.',
  s3MalformedPathStyle: (value: string) =>
    `S3_FORCE_PATH_STYLE "${value}" must be true (host/bucket/key, for Ceph, MinIO and most self-hosted servers) or false (bucket.host/key).`,
}

/**
 * Hides the password of a connection string before it goes into a message or a log. The
 * password runs to the last `@` of the authority: drivers accept an unescaped `@` in it.
 */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/?#@]+):([^/?#]*)@/, '//$1:***@')
}

export function resolveDataDir(raw: string | undefined): string {
  return path.resolve(raw && raw.trim() !== '' ? raw : 'data')
}

export function parseDatabaseUrl(raw: string | undefined, dataDir: string): DatabaseChoice {
  const value = raw?.trim()
  if (!value) {
    return { kind: 'sqlite', url: `file:${path.join(dataDir, 'byline.db')}` }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase()
  if (!scheme) throw new ConfigurationError(messages.malformedUrl(value))
  switch (scheme) {
    case 'file':
      return { kind: 'sqlite', url: value }
    case 'postgres':
    case 'postgresql':
      return { kind: 'postgres', url: value }
    case 'mongodb':
    case 'mongodb+srv':
      return { kind: 'mongodb', url: value }
    default:
      throw new ConfigurationError(messages.unknownScheme(scheme))
  }
}

/**
 * The embedded demo keeps a generated secret in data/ so that sessions survive restarts;
 * any server database is a real deployment and must be given one.
 */
function resolveSecret(args: { database: DatabaseChoice; dataDir: string; raw?: string }): string {
  const { database, dataDir, raw } = args
  if (raw) {
    if (raw.length < 32) throw new ConfigurationError(messages.shortSecret)
    return raw
  }
  if (database.kind !== 'sqlite') throw new ConfigurationError(messages.missingSecret)

  const file = path.join(dataDir, '.payload-secret')
  // Owner only when we make it: it holds the secret, and the embedded database's password hashes.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  if (!fs.existsSync(file)) {
    // Written aside, then linked into place: link fails if another process (a build worker)
    // got there first, and nobody ever reads a half-written file.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
    fs.writeFileSync(draft, randomBytes(32).toString('hex'), { mode: 0o600 })
    try {
      fs.linkSync(draft, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(draft, { force: true })
    }
  }
  const stored = fs.readFileSync(file, 'utf8').trim()
  if (stored.length < 32) throw new ConfigurationError(messages.damagedSecretFile(file))
  return stored
}

/**
 * The public origin alone, for code that runs per render: readEnv() checks everything, the secret
 * file on disk included, and is for start-up (payload.config.ts runs it there).
 */
export function readServerUrl(source: Record<string, string | undefined> = process.env): string {
  return resolveServerUrl(source.NEXT_PUBLIC_SERVER_URL, source.PORT)
}

function resolveServerUrl(raw: string | undefined, port: string | undefined): string {
  const value = raw?.trim() || `http://localhost:${port || 3000}`
  // Links are built on the origin as written, so it must be spelt with a lower-case scheme, a host and no
  // spaces (isHttpUrl takes `HTTP://x`, `http:x` and `http://x/a b`), and it must parse (`http://[x` does not).
  if (!/^https?:\/\/[^/\s]+\S*$/.test(value) || !isHttpUrl(value)) throw new ConfigurationError(messages.malformedServerUrl(value))
  return value.replace(/\/$/, '')
}

/**
 * BYLINE_PROXY_HOPS counted proxies from the right of X-Forwarded-For; the server now walks it
 * past BYLINE_TRUSTED_PROXIES instead. Its old default, 1, means what it always meant (one proxy
 * on this machine: loopback is trusted by default), so only another value is refused.
 */
function checkRetiredProxyHops(raw: string | undefined): void {
  const value = raw?.trim()
  if (value && value !== '1') throw new ConfigurationError(messages.retiredProxyHops(value))
}

/** Loopback only: nginx from deploy/ on the same machine. */
export const DEFAULT_TRUSTED_PROXIES = ['127.0.0.0/8', '::1/128']

/**
 * BYLINE_TRUSTED_PROXIES: comma- or space-separated addresses and CIDR ranges. Only a request
 * from one of them may say, in X-Forwarded-For, whom it is forwarding for.
 */
function parseTrustedProxies(raw: string | undefined): string[] {
  const entries = (raw ?? '').split(/[\s,]+/).filter(Boolean)
  if (entries.length === 0) return DEFAULT_TRUSTED_PROXIES
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.split('/')
    const family = isIP(address)
    const maxBits = family === 6 ? 128 : 32
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits)
    if (family === 0 || !validBits || rest.length > 0) throw new ConfigurationError(messages.malformedTrustedProxy(entry))
  }
  return entries
}

/** The trusted proxies alone, for the production server (src/productionServer/start.ts), which needs nothing else. */
export function readTrustedProxies(source: Record<string, string | undefined> = process.env): string[] {
  checkRetiredProxyHops(source.BYLINE_PROXY_HOPS)
  return parseTrustedProxies(source.BYLINE_TRUSTED_PROXIES)
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/

const SITE_NAME_MAX = 60

/** The newsroom's name, "Byline" unless BYLINE_SITE_NAME says otherwise. */
export function readSiteName(source: Record<string, string | undefined> = process.env): string {
  const raw = source.BYLINE_SITE_NAME
  const name = raw?.trim() || 'Byline'
  // eslint-disable-next-line no-control-regex
  if (name.length > SITE_NAME_MAX || /[\u0000-\u001f\u007f]/.test(name)) throw new ConfigurationError(messages.malformedSiteName(raw ?? ''))
  return name
}

/**
 * Email goes through SMTP when SMTP_HOST is set and is printed to the console otherwise (local
 * runs and tests). The sender defaults to "<the site's name> <noreply@host of the site>".
 */
export function parseEmailEnv(source: Record<string, string | undefined>, serverURL: string, siteName = 'Byline'): EmailEnv {
  const read = (name: string) => source[name]?.trim() || undefined
  const fromRaw = read('EMAIL_FROM') ?? `${siteName} <noreply@${new URL(serverURL).hostname}>`
  // "Name <address>" or a bare address.
  const [, name, address] = /^(?:"?([^"<]*?)"?\s*<)?([^<>\s]+)>?$/.exec(fromRaw) ?? []
  if (!address || !ADDRESS.test(address)) throw new ConfigurationError(messages.malformedEmailFrom(fromRaw))
  const from = { name: name || siteName, address }

  const host = read('SMTP_HOST')
  if (!host) {
    const strays = ['SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASS'].filter((name) => read(name))
    if (strays.length > 0) throw new ConfigurationError(messages.smtpWithoutHost(strays))
    return { from, smtp: null }
  }
  const secureRaw = read('SMTP_SECURE')?.toLowerCase()
  if (secureRaw !== undefined && secureRaw !== 'true' && secureRaw !== 'false') throw new ConfigurationError(messages.malformedSmtpSecure(secureRaw))
  const portRaw = read('SMTP_PORT')
  const port = portRaw === undefined ? (secureRaw === 'true' ? 465 : 587) : Number(portRaw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigurationError(messages.malformedSmtpPort(portRaw ?? ''))
  const user = read('SMTP_USER')
  // A password may legitimately start or end with spaces.
  const pass = source.SMTP_PASS || undefined
  if (Boolean(user) !== Boolean(pass)) throw new ConfigurationError(messages.halfSmtpAuth)
  return {
    from,
    smtp: { host, port, secure: secureRaw === undefined ? port === 465 : secureRaw === 'true', auth: user && pass ? { user, pass } : null },
  }
}

/** Every key this site keeps in Redis starts with it (the purge log, the jobs lease). */
const DEFAULT_REDIS_PREFIX = 'byline:'

const REDIS_NAME = /^[\w:.-]+$/

/**
 * Shared mode's settings, or null without REDIS_URL (one process, as before). The one parse of
 * REDIS_URL: the purge log and the jobs lease both take what it returns.
 */
export function parseRedisEnv(source: Record<string, string | undefined>, host = { hostname: os.hostname(), pid: process.pid }): RedisEnv | null {
  const read = (name: string) => source[name]?.trim() || undefined
  const url = read('REDIS_URL')
  const prefix = read('BYLINE_REDIS_PREFIX')
  const instance = read('BYLINE_INSTANCE')
  if (!url) {
    if (prefix) throw new ConfigurationError(messages.redisPrefixWithoutUrl)
    return null
  }
  const parsed = URL.canParse(url) ? new URL(url) : null
  if (!parsed || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || !parsed.hostname) throw new ConfigurationError(messages.malformedRedisUrl(url))
  if (prefix !== undefined && (prefix.length > 64 || !REDIS_NAME.test(prefix))) throw new ConfigurationError(messages.malformedRedisPrefix(prefix))
  if (instance !== undefined && (instance.length > 100 || !REDIS_NAME.test(instance))) throw new ConfigurationError(messages.malformedInstance(instance))
  return { url, prefix: prefix ?? DEFAULT_REDIS_PREFIX, instance: instance ?? `${host.hostname}:${host.pid}` }
}

/**
 * Shared mode alone, for code that runs per change (src/cache/hooks.ts): readEnv() checks
 * everything, the secret file on disk included.
 */
export function readRedisEnv(source: Record<string, string | undefined> = process.env): RedisEnv | null {
  return parseRedisEnv(source)
}

/**
 * Several processes on one SQLite file would each keep their own write lock and page store, and
 * nothing in shared mode is tested on it: shared mode is for PostgreSQL, refused up front.
 */
function checkSharedDatabase(database: DatabaseChoice, redis: RedisEnv | null): void {
  if (redis && database.kind === 'sqlite') throw new ConfigurationError(messages.sqliteShared)
}

/** Every minute: a scheduled article goes live within a minute of its time. */
export const DEFAULT_JOBS_CRON = '* * * * *'

/** Each field's allowed numbers, seconds first (the six-field form). Weekday 7 is Sunday too. */
const CRON_RANGES = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
] as const
const CRON_FIELD = /^(\*|\?|\d+(-\d+)?)(\/\d+)?$/

/** Whether one field holds `*`, `?`, numbers, ranges and steps within its range (names and L/W/# are left out on purpose). */
function validCronField(field: string, [min, max]: readonly [number, number]): boolean {
  return field.split(',').every((item) => {
    if (!CRON_FIELD.test(item)) return false
    const [base = '', step] = item.split('/')
    if (step !== undefined && Number(step) < 1) return false
    return base === '*' || base === '?' || base.split('-').every((n) => Number(n) >= min && Number(n) <= max)
  })
}

/**
 * BYLINE_JOBS_CRON: when the server runs the jobs queue. Checked here, because Payload hands it
 * to croner only once the server has started, whose error would then name no variable. Tests and
 * operators set it (every few seconds for a test of scheduled publishing; less often for a site
 * that drives `npm run jobs` from its own cron).
 */
function parseJobsCron(raw: string | undefined): string {
  const value = raw?.trim().replace(/\s+/g, ' ')
  if (!value) return DEFAULT_JOBS_CRON
  const fields = value.split(' ')
  const ranges = fields.length === 5 ? CRON_RANGES.slice(1) : fields.length === 6 ? CRON_RANGES : null
  if (!ranges || !fields.every((field, index) => validCronField(field, ranges[index] ?? [0, 0]))) throw new ConfigurationError(messages.malformedJobsCron(value))
  return value
}

/** The jobs schedule alone, for src/jobs/config.ts, which Payload's config imports before readEnv() runs. */
export function readJobsCron(source: Record<string, string | undefined> = process.env): string {
  return parseJobsCron(source.BYLINE_JOBS_CRON)
}

const DEFAULT_TIME_ZONE = 'UTC'

/** Region/City names (and UTC): offsets and abbreviations such as +01:00 or CET say nothing about summer time. */
const TIME_ZONE_NAME = /^(?:UTC|[a-z]+(?:\/[a-z0-9_+-]+)+)$/i

/**
 * BYLINE_TIME_ZONE: the newsroom's time zone, an IANA name such as Europe/London, checked against
 * the time zone data this Node carries; returned in its canonical spelling. Default: UTC.
 */
function parseTimeZone(raw: string | undefined): string {
  const value = raw?.trim()
  if (!value) return DEFAULT_TIME_ZONE
  if (!TIME_ZONE_NAME.test(value)) throw new ConfigurationError(messages.malformedTimeZone(value))
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone
  } catch (error) {
    if (error instanceof RangeError) throw new ConfigurationError(messages.malformedTimeZone(value))
    throw error
  }
}

/** The time zone alone, for code that formats times per render (src/lib/timeZone.ts). */
export function readTimeZone(source: Record<string, string | undefined> = process.env): string {
  return parseTimeZone(source.BYLINE_TIME_ZONE)
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const

/** AWS's bucket naming rules, which S3-compatible servers share: 3 to 63 of a-z 0-9 . - */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const REGION = /^[a-z0-9-]+$/
/** The region a client signs with when talking to an S3-compatible server that has no regions. */
const DEFAULT_COMPATIBLE_REGION = 'us-east-1'

/**
 * Reads the S3_* variables: null when none is set (media stay on the local disk, as in the
 * embedded single-process setup); the settings when everything needed is there; otherwise an
 * S3ConfigurationError listing every problem, one line each.
 */
export function parseS3Env(source: Record<string, string | undefined>): S3Env | null {
  const read = (name: (typeof S3_VARIABLES)[number]) => source[name]?.trim() || undefined
  if (S3_VARIABLES.every((name) => read(name) === undefined)) return null

  const problems: string[] = []
  const endpointRaw = read('S3_ENDPOINT')
  let endpoint: string | null = null
  if (endpointRaw !== undefined) {
    if (/^https?:\/\/[^/\s]+/.test(endpointRaw) && isHttpUrl(endpointRaw)) endpoint = endpointRaw.replace(/\/+$/, '')
    else problems.push(messages.s3MalformedEndpoint(endpointRaw))
  }

  const bucket = read('S3_BUCKET')
  if (bucket === undefined) problems.push(messages.s3Missing('S3_BUCKET'))
  else if (!BUCKET_NAME.test(bucket)) problems.push(messages.s3MalformedBucket(bucket))

  const regionRaw = read('S3_REGION')
  if (regionRaw === undefined && endpointRaw === undefined) problems.push(messages.s3MissingRegion)
  else if (regionRaw !== undefined && !REGION.test(regionRaw)) problems.push(messages.s3MalformedRegion(regionRaw))
  const region = regionRaw ?? DEFAULT_COMPATIBLE_REGION

  // Keys are taken as given (no trim): a key with whitespace in it is a paste accident, said so.
  const key = (name: 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY') => {
    const value = source[name]
    if (!value || value.trim() === '') {
      problems.push(messages.s3Missing(name))
      return ''
    }
    if (/\s/.test(value)) problems.push(messages.s3MalformedKey(name))
    return value
  }
  const accessKeyId = key('S3_ACCESS_KEY_ID')
  const secretAccessKey = key('S3_SECRET_ACCESS_KEY')

  const pathStyleRaw = read('S3_FORCE_PATH_STYLE')?.toLowerCase()
  if (pathStyleRaw !== undefined && pathStyleRaw !== 'true' && pathStyleRaw !== 'false') problems.push(messages.s3MalformedPathStyle(pathStyleRaw))
  // Self-hosted servers rarely have wildcard DNS for bucket subdomains; AWS prefers virtual hosts.
  const forcePathStyle = pathStyleRaw === undefined ? endpointRaw !== undefined : pathStyleRaw === 'true'

  if (problems.length > 0 || bucket === undefined) throw new S3ConfigurationError(problems)
  return { endpoint, bucket, region, accessKeyId, secretAccessKey, forcePathStyle }
}

/** Whether `next build` is loading the application (Next sets NEXT_PHASE): nothing long-lived may start then. */
export const isBuildPhase = (source: Record<string, string | undefined> = process.env): boolean => source.NEXT_PHASE === 'phase-production-build'

/** BYLINE_SKIP_DEMO=true: `npm run prepare-db` leaves an empty database empty instead of adding the demo newsroom. */
export const skipsDemoContent = (source: Record<string, string | undefined> = process.env): boolean => source.BYLINE_SKIP_DEMO?.trim() === 'true'

/**
 * Whether this code runs as Next compiled it for its server, where a page is being rendered or a
 * route answered; false in tests and command-line scripts. Next inlines NEXT_RUNTIME at build.
 */
export const compiledByNext = (): boolean => process.env.NEXT_RUNTIME === 'nodejs'

/** The production server only ever runs a production build, and Next reads this before anything else. */
export function enterProductionMode(): void {
  ;(process.env as Record<string, string>).NODE_ENV = 'production'
}

/** Runs each check, keeping its problem as a line, so that every problem is reported at once. */
function collectProblems() {
  const problems: string[] = []
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read()
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error
      problems.push(...(error instanceof S3ConfigurationError ? error.problems : [error.message]))
      return undefined
    }
  }
  // One problem reads as one line; several as a list, so they can all be fixed in one go.
  const failure = () =>
    new ConfigurationError(
      problems.length === 1 ? `Byline cannot start: ${problems[0]}` : `Byline cannot start, the environment needs fixing:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
  return { problems, attempt, failure }
}

type ProductionServerEnv = {
  port: number
  /** Loopback unless told otherwise: the app sits behind nginx on the same machine. */
  hostname: string
  /** The response cache's memory budget; 0 turns it off. */
  responseCacheBytes: number
  /** The directory nginx serves kept pages from (BYLINE_PAGE_STORE), or null. */
  pageStore: string | null
  trustedProxies: string[]
  redis: RedisEnv | null
}

/**
 * What the production server (src/productionServer/start.ts) reads, its command line's --port
 * and --hostname winning over PORT and HOSTNAME. Every problem at once, as readEnv does; a shared
 * database check included, so several instances on SQLite are refused before Next starts.
 */
export function readProductionServerEnv(args: { port?: string; hostname?: string }, source: Record<string, string | undefined> = process.env): ProductionServerEnv {
  const { problems, attempt, failure } = collectProblems()
  const portRaw = args.port ?? source.PORT?.trim() ?? '3000'
  const port = Number(portRaw)
  if (!/^\d+$/.test(portRaw) || port > 65535) problems.push(messages.malformedPort(portRaw))
  const megabytesRaw = source.BYLINE_RESPONSE_CACHE_MB?.trim() || '256'
  const megabytes = Number(megabytesRaw)
  if (!Number.isFinite(megabytes) || megabytes < 0) problems.push(messages.malformedCacheMb(megabytesRaw))
  const pageStore = source.BYLINE_PAGE_STORE?.trim() || null
  if (pageStore && megabytes === 0) problems.push(messages.pageStoreWithoutCache)
  const trustedProxies = attempt(() => readTrustedProxies(source)) ?? DEFAULT_TRUSTED_PROXIES
  const redis = attempt(() => readRedisEnv(source)) ?? null
  attempt(() => checkSharedDatabase(parseDatabaseUrl(source.DATABASE_URL, resolveDataDir(source.DATA_DIR)), redis))
  attempt(() => readSiteName(source))
  if (problems.length > 0) throw failure()
  const hostname = args.hostname ?? (source.HOSTNAME?.trim() || '127.0.0.1')
  return { port, hostname, responseCacheBytes: megabytes * 1024 * 1024, pageStore, trustedProxies, redis }
}

/** Reads and checks the whole environment, reporting every problem at once. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const { problems, attempt, failure } = collectProblems()
  const dataDir = resolveDataDir(source.DATA_DIR)
  const database = attempt(() => parseDatabaseUrl(source.DATABASE_URL, dataDir))
  const secret = database
    ? attempt(() => resolveSecret({ database, dataDir, raw: source.PAYLOAD_SECRET }))
    : undefined
  const serverURL = attempt(() => resolveServerUrl(source.NEXT_PUBLIC_SERVER_URL, source.PORT))
  attempt(() => checkRetiredProxyHops(source.BYLINE_PROXY_HOPS))
  const trustedProxies = attempt(() => parseTrustedProxies(source.BYLINE_TRUSTED_PROXIES))
  const siteName = attempt(() => readSiteName(source))
  const email = serverURL ? attempt(() => parseEmailEnv(source, serverURL, siteName)) : undefined
  const redis = attempt(() => parseRedisEnv(source))
  if (database && redis) attempt(() => checkSharedDatabase(database, redis))
  const s3 = attempt(() => parseS3Env(source))
  const jobsCron = attempt(() => parseJobsCron(source.BYLINE_JOBS_CRON))
  const timeZone = attempt(() => parseTimeZone(source.BYLINE_TIME_ZONE))

  if (problems.length > 0 || !database || !secret || !serverURL || !trustedProxies || !email || redis === undefined || s3 === undefined || !jobsCron || !timeZone || !siteName) {
    throw failure()
  }
  return { database, dataDir, mediaDir: path.join(dataDir, 'media'), secret, serverURL, trustedProxies, email, redis, s3, jobsCron, timeZone, siteName }
}
