import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { ConfigurationError, DEFAULT_JOBS_CRON, isBuildPhase, parseDatabaseUrl, parseRedisEnv, readEnv, readJobsCron, readProductionServerEnv, readServerUrl, readSiteName, readTimeZone, readTrustedProxies, redact, resolveDataDir, skipsDemoContent } from '@/lib/env'

const SECRET = 'a'.repeat(32)

/** The error readEnv throws for this environment, or a failure if it accepts it. */
function problemWith(source: Record<string, string | undefined>): ConfigurationError {
  try {
    readEnv(source)
  } catch (error) {
    if (error instanceof ConfigurationError) return error
    throw error
  }
  throw new Error(`readEnv accepted ${JSON.stringify(source)}`)
}

describe('Environment', () => {
  let dataDir: string

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-env-'))
  })

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const secretFile = () => path.join(dataDir, '.payload-secret')

  describe('DATABASE_URL', () => {
    it('defaults to the embedded SQLite database at DATA_DIR/byline.db', () => {
      const env = readEnv({ DATA_DIR: dataDir })
      expect(env.database).toEqual({ kind: 'sqlite', url: `file:${path.join(dataDir, 'byline.db')}` })
      expect(env.dataDir).toBe(dataDir)
      expect(env.mediaDir).toBe(path.join(dataDir, 'media'))
    })

    it('treats a blank DATABASE_URL as unset', () => {
      expect(readEnv({ DATA_DIR: dataDir, DATABASE_URL: '   ' }).database.kind).toBe('sqlite')
    })

    it('puts the data directory in data/ under the working directory when the given environment has no DATA_DIR', () => {
      // The harness sets process.env.DATA_DIR; readEnv must read only the environment it is handed.
      expect(process.env.DATA_DIR).toBeTruthy()
      const env = readEnv({ PAYLOAD_SECRET: SECRET })
      expect(env.dataDir).toBe(path.resolve('data'))
      expect(env.database.url).toBe(`file:${path.resolve('data', 'byline.db')}`)
    })

    it('resolves a blank or relative DATA_DIR against the working directory', () => {
      expect(resolveDataDir('  ')).toBe(path.resolve('data'))
      expect(resolveDataDir('relative/dir')).toBe(path.resolve('relative/dir'))
    })

    it.each([
      ['file:/var/lib/byline/site.db', 'sqlite'],
      ['file:./data/other.db', 'sqlite'],
      ['postgres://byline@127.0.0.1:5432/byline', 'postgres'],
      ['postgresql://byline@127.0.0.1/byline', 'postgres'],
      ['POSTGRES://byline@db/byline', 'postgres'],
      ['mongodb://127.0.0.1:27017/byline', 'mongodb'],
      ['mongodb+srv://byline:pw@cluster0.example.net/byline?retryWrites=true', 'mongodb'],
    ])('chooses the adapter from the scheme of %s', (url, kind) => {
      const env = readEnv({ DATA_DIR: dataDir, DATABASE_URL: url, PAYLOAD_SECRET: SECRET })
      expect(env.database).toEqual({ kind, url })
    })

    it('refuses an unknown scheme with one line naming it and the schemes it accepts', () => {
      const error = (() => {
        try {
          return parseDatabaseUrl('redis://cache:6379', dataDir)
        } catch (thrown) {
          return thrown
        }
      })()
      expect(error).toBeInstanceOf(ConfigurationError)
      const { message } = error as ConfigurationError
      expect(message).not.toContain('\n')
      expect(message).toContain('DATABASE_URL has the unknown scheme "redis"')
      for (const scheme of ['mongodb://', 'mongodb+srv://', 'postgres://', 'file:']) expect(message).toContain(scheme)
    })

    it('reports an unknown scheme from readEnv on one line', () => {
      const { message } = problemWith({ DATA_DIR: dataDir, DATABASE_URL: 'redis://cache:6379', PAYLOAD_SECRET: SECRET })
      expect(message).not.toContain('\n')
      expect(message).toMatch(/^Byline cannot start: DATABASE_URL has the unknown scheme "redis"\./)
    })

    it('refuses a value that is not a URL, without echoing its password', () => {
      const { message } = problemWith({ DATA_DIR: dataDir, DATABASE_URL: '//admin:hunter2@db/byline', PAYLOAD_SECRET: SECRET })
      expect(message).toContain('is not a URL')
      expect(message).not.toContain('hunter2')
    })
  })

  describe('PAYLOAD_SECRET', () => {
    it.each(['postgres://byline@127.0.0.1/byline', 'mongodb://127.0.0.1/byline', 'mongodb+srv://cluster0.example.net/byline'])(
      'is required for the server database %s',
      (url) => {
        const { message } = problemWith({ DATA_DIR: dataDir, DATABASE_URL: url })
        expect(message).toContain('PAYLOAD_SECRET is not set')
        expect(fs.existsSync(secretFile())).toBe(false)
      },
    )

    it.each([
      ['a server database', 'postgres://byline@127.0.0.1/byline'],
      ['the embedded database', undefined],
    ])('must be at least 32 characters for %s', (_, url) => {
      const { message } = problemWith({ DATA_DIR: dataDir, DATABASE_URL: url, PAYLOAD_SECRET: 'b'.repeat(31) })
      expect(message).toContain('PAYLOAD_SECRET must be at least 32 characters long.')
      expect(readEnv({ DATA_DIR: dataDir, DATABASE_URL: url, PAYLOAD_SECRET: 'b'.repeat(32) }).secret).toBe('b'.repeat(32))
    })

    it('is generated for the embedded database into DATA_DIR/.payload-secret, readable by the owner only', () => {
      const { secret } = readEnv({ DATA_DIR: dataDir })
      expect(secret).toMatch(/^[0-9a-f]{64}$/)
      expect(fs.readFileSync(secretFile(), 'utf8')).toBe(secret)
      expect(fs.statSync(secretFile()).mode & 0o777).toBe(0o600)
    })

    it('is reused from DATA_DIR/.payload-secret on the next start, so sessions survive restarts', () => {
      const first = readEnv({ DATA_DIR: dataDir }).secret
      expect(readEnv({ DATA_DIR: dataDir }).secret).toBe(first)
    })

    it('keeps a secret another process wrote first', () => {
      fs.writeFileSync(secretFile(), `${'c'.repeat(64)}\n`)
      expect(readEnv({ DATA_DIR: dataDir }).secret).toBe('c'.repeat(64))
    })

    it('refuses a damaged secret file with a message that says how to recover', () => {
      fs.writeFileSync(secretFile(), '')
      expect(() => readEnv({ DATA_DIR: dataDir })).toThrow(/\.payload-secret holds no usable secret.*Delete it/)
    })

    it('leaves no half-written files beside the secret', () => {
      readEnv({ DATA_DIR: dataDir })
      expect(fs.readdirSync(dataDir)).toEqual(['.payload-secret'])
    })

    it('creates a missing DATA_DIR for the generated secret', () => {
      const nested = path.join(dataDir, 'does', 'not', 'exist')
      readEnv({ DATA_DIR: nested })
      expect(fs.existsSync(path.join(nested, '.payload-secret'))).toBe(true)
    })

    it('prefers a given secret over generating one', () => {
      expect(readEnv({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET }).secret).toBe(SECRET)
      expect(fs.existsSync(secretFile())).toBe(false)
    })
  })

  describe('NEXT_PUBLIC_SERVER_URL', () => {
    it('defaults to localhost on PORT, or 3000', () => {
      expect(readEnv({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET }).serverURL).toBe('http://localhost:3000')
      expect(readEnv({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, PORT: '4100' }).serverURL).toBe('http://localhost:4100')
    })

    it('drops a trailing slash', () => {
      const env = readEnv({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, NEXT_PUBLIC_SERVER_URL: 'https://news.example.com/' })
      expect(env.serverURL).toBe('https://news.example.com')
    })

    it('must be an absolute http(s) URL', () => {
      const { message } = problemWith({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, NEXT_PUBLIC_SERVER_URL: 'news.example.com' })
      expect(message).toContain('NEXT_PUBLIC_SERVER_URL "news.example.com" is not an absolute http(s) URL')
    })

    it('must parse and hold no spaces, not just start like a URL', () => {
      for (const value of ['http://[news.example.com', 'https://news example.com', 'https://news.example.com/a b', 'HTTPS://news.example.com', 'http:news.example.com']) {
        const { message } = problemWith({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, NEXT_PUBLIC_SERVER_URL: value })
        expect(message).toContain(`NEXT_PUBLIC_SERVER_URL "${value}" is not an absolute http(s) URL`)
      }
      expect(readEnv({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, NEXT_PUBLIC_SERVER_URL: 'http://[::1]:3000' }).serverURL).toBe('http://[::1]:3000')
    })

    it('is read alone, as readEnv reads it, without touching the data directory', () => {
      const missing = path.join(dataDir, 'never-made')
      for (const source of [{}, { PORT: '4100' }, { NEXT_PUBLIC_SERVER_URL: 'https://news.example.com/' }]) {
        expect(readServerUrl({ DATA_DIR: missing, ...source })).toBe(readEnv({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, ...source }).serverURL)
      }
      expect(fs.existsSync(missing)).toBe(false)
      expect(() => readServerUrl({ NEXT_PUBLIC_SERVER_URL: 'news.example.com' })).toThrow(ConfigurationError)
    })
  })

  describe('BYLINE_TRUSTED_PROXIES', () => {
    const env = (source: Record<string, string>) => readEnv({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, ...source })

    it('defaults to loopback only: nginx from deploy/ on the same machine', () => {
      expect(env({}).trustedProxies).toEqual(['127.0.0.0/8', '::1/128'])
      expect(readTrustedProxies({})).toEqual(['127.0.0.0/8', '::1/128'])
    })

    it('takes addresses and CIDR ranges, separated by commas or spaces', () => {
      expect(env({ BYLINE_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8 2001:db8::/48' }).trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', '2001:db8::/48'])
    })

    it.each(['localhost', '10.0.0.0/33', '2001:db8::/129', '10.0.0.0/8/1', '10.0.0/8'])('refuses "%s" with a message naming the variable and the entry', (entry) => {
      const { message } = problemWith({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, BYLINE_TRUSTED_PROXIES: `127.0.0.1,${entry}` })
      expect(message).toBe(`Byline cannot start: BYLINE_TRUSTED_PROXIES has "${entry}", which is neither an IP address nor a CIDR range. Example: BYLINE_TRUSTED_PROXIES=127.0.0.1,::1,10.0.0.0/8`)
    })
  })

  describe('BYLINE_PROXY_HOPS (retired)', () => {
    it('accepts its old default, 1, which means what the loopback default means', () => {
      expect(readEnv({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, BYLINE_PROXY_HOPS: '1' }).trustedProxies).toEqual(['127.0.0.0/8', '::1/128'])
    })

    it('refuses any other count and says what to set instead', () => {
      const { message } = problemWith({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, BYLINE_PROXY_HOPS: '2' })
      expect(message).toContain('BYLINE_PROXY_HOPS "2" is retired')
      expect(message).toContain('BYLINE_TRUSTED_PROXIES')
      expect(() => readTrustedProxies({ BYLINE_PROXY_HOPS: '2' })).toThrow(ConfigurationError)
    })
  })

  describe('BYLINE_JOBS_CRON', () => {
    const env = (source: Record<string, string>) => readEnv({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, ...source })

    it('runs the jobs queue every minute by default, also when blank', () => {
      expect(env({}).jobsCron).toBe(DEFAULT_JOBS_CRON)
      expect(DEFAULT_JOBS_CRON).toBe('* * * * *')
      expect(readJobsCron({ BYLINE_JOBS_CRON: '  ' })).toBe('* * * * *')
    })

    it.each(['*/5 * * * * *', '0 */2 * * *', '0,30 8-18 * * 1-5', '  */10   * * * * * '])('takes "%s", five fields or six with seconds first', (value) => {
      expect(env({ BYLINE_JOBS_CRON: value }).jobsCron).toBe(value.trim().replace(/\s+/g, ' '))
    })

    it.each(['every minute', '* * * *', '* * * * * * *', '61 * * * *', '*/0 * * * *', '* * 32 * *', '* * * 13 *', '5-x * * * *'])(
      'refuses "%s" on one line naming the variable, with an example',
      (value) => {
        const { message } = problemWith({ DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET, BYLINE_JOBS_CRON: value })
        expect(message).toBe(
          `Byline cannot start: BYLINE_JOBS_CRON "${value}" is not a cron schedule: five fields (minute hour day month weekday), or six with seconds first. Example: */10 * * * * * for every 10 seconds.`,
        )
        expect(() => readJobsCron({ BYLINE_JOBS_CRON: value })).toThrow(ConfigurationError)
      },
    )
  })

  it('reports every problem at once, one per line', () => {
    const { message } = problemWith({
      DATA_DIR: dataDir,
      DATABASE_URL: 'postgres://byline@127.0.0.1/byline',
      NEXT_PUBLIC_SERVER_URL: 'ftp://news.example.com',
    })
    const items = message.split('\n').slice(1)
    expect(items).toHaveLength(2)
    expect(items[0]).toMatch(/^ {2}- PAYLOAD_SECRET is not set/)
    expect(items[1]).toMatch(/^ {2}- NEXT_PUBLIC_SERVER_URL "ftp:\/\/news.example.com"/)
  })

  describe('BYLINE_SITE_NAME', () => {
    it('is Byline unless given, trimmed, and signs the default sender', () => {
      expect(readEnv({ DATA_DIR: dataDir }).siteName).toBe('Byline')
      const env = readEnv({ DATA_DIR: dataDir, BYLINE_SITE_NAME: '  The Riverside Courier ' })
      expect(env.siteName).toBe('The Riverside Courier')
      expect(env.email.from.name).toBe('The Riverside Courier')
      expect(readSiteName({ BYLINE_SITE_NAME: '   ' })).toBe('Byline')
    })

    it.each(['x'.repeat(61), 'Two\nlines', 'Bell\u0007'])('refuses %j with a line naming the variable, at start-up and in the production server', (value) => {
      expect(problemWith({ DATA_DIR: dataDir, BYLINE_SITE_NAME: value }).message).toMatch(/^Byline cannot start: BYLINE_SITE_NAME must be 1 to 60 characters with no line breaks or control characters/)
      expect(() => readProductionServerEnv({}, { DATA_DIR: dataDir, BYLINE_SITE_NAME: value })).toThrow('BYLINE_SITE_NAME must be')
    })
  })

  describe('BYLINE_TIME_ZONE', () => {
    it('defaults to UTC and takes an IANA name in its canonical spelling', () => {
      expect(readEnv({ DATA_DIR: dataDir }).timeZone).toBe('UTC')
      expect(readEnv({ DATA_DIR: dataDir, BYLINE_TIME_ZONE: ' europe/london ' }).timeZone).toBe('Europe/London')
      expect(readTimeZone({ BYLINE_TIME_ZONE: 'Asia/Tokyo' })).toBe('Asia/Tokyo')
    })

    it.each(['Mars/Olympus_Mons', 'CET', '+01:00', 'Europe'])('refuses %s with a line naming the variable', (value) => {
      expect(problemWith({ DATA_DIR: dataDir, BYLINE_TIME_ZONE: value }).message).toBe(
        `Byline cannot start: BYLINE_TIME_ZONE "${value}" is not an IANA time zone name. Examples: Europe/London, America/New_York, UTC.`,
      )
    })
  })

  describe('shared mode (REDIS_URL) and media on S3 (S3_*)', () => {
    const postgres = { DATABASE_URL: 'postgres://byline@127.0.0.1/byline', PAYLOAD_SECRET: SECRET }

    it('are off by default: one process, media on the local disk', () => {
      const env = readEnv({ DATA_DIR: dataDir })
      expect(env.redis).toBeNull()
      expect(env.s3).toBeNull()
    })

    it('reads REDIS_URL once, for the purge log and the jobs lease alike', () => {
      const env = readEnv({ DATA_DIR: dataDir, ...postgres, REDIS_URL: 'redis://127.0.0.1:6379', BYLINE_REDIS_PREFIX: 'news:', BYLINE_INSTANCE: 'web-1' })
      expect(env.redis).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'news:', instance: 'web-1' })
    })

    it('refuses REDIS_URL with the embedded SQLite database, saying to use PostgreSQL or unset REDIS_URL', () => {
      expect(() => readEnv({ DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
        /^Byline cannot start: REDIS_URL .* the database is SQLite.*PostgreSQL.*or unset REDIS_URL/,
      )
    })

    it('reads the S3_* variables into the media storage settings', () => {
      const env = readEnv({
        DATA_DIR: dataDir,
        ...postgres,
        S3_ENDPOINT: 'http://127.0.0.1:7480',
        S3_BUCKET: 'byline-media',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
      })
      expect(env.s3).toEqual({ endpoint: 'http://127.0.0.1:7480', bucket: 'byline-media', region: 'us-east-1', accessKeyId: 'key', secretAccessKey: 'secret', forcePathStyle: true })
    })

    it('lists every S3 problem as a line of its own beside the other problems', () => {
      const { message } = problemWith({ DATA_DIR: dataDir, DATABASE_URL: postgres.DATABASE_URL, S3_BUCKET: 'Not A Bucket' })
      const items = message.split('\n').slice(1)
      expect(items[0]).toMatch(/^ {2}- PAYLOAD_SECRET is not set/)
      expect(items.slice(1).map((item) => item.replace(/^ {2}- /, '').split(' ')[0])).toEqual(['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])
    })
  })

  describe('redact', () => {
    it.each([
      ['postgres://byline:s3cret@db.internal:5432/byline', 'postgres://byline:***@db.internal:5432/byline'],
      ['mongodb+srv://byline:s3cret@cluster0.example.net/byline?w=majority', 'mongodb+srv://byline:***@cluster0.example.net/byline?w=majority'],
      ['mongodb://byline:s3:cret@h1:27017,h2:27017/byline', 'mongodb://byline:***@h1:27017,h2:27017/byline'],
      // Drivers accept an unescaped @ in the password; none of it may show.
      ['postgres://byline:s3c@ret@db.internal/byline', 'postgres://byline:***@db.internal/byline'],
    ])('hides the password in %s', (url, expected) => {
      expect(redact(url)).toBe(expected)
    })

    it.each([
      'postgres://postgres@127.0.0.1:5432/byline',
      'mongodb://127.0.0.1:27017/byline?authSource=admin&contact=ops@example.com',
      'file:/var/lib/byline/site.db',
    ])('leaves %s, which has no password, as it is', (url) => {
      expect(redact(url)).toBe(url)
    })
  })
})

describe('The production server’s environment', () => {
  const base = { DATABASE_URL: 'file:/tmp/byline-env-test.db' }

  it('listens on loopback port 3000 with a 256 MB response cache unless told otherwise, the command line first', () => {
    expect(readProductionServerEnv({}, base)).toMatchObject({ port: 3000, hostname: '127.0.0.1', responseCacheBytes: 256 * 1024 * 1024, pageStore: null, redis: null })
    const told = readProductionServerEnv({ port: '4000' }, { ...base, PORT: '5000', HOSTNAME: '0.0.0.0', BYLINE_RESPONSE_CACHE_MB: '0' })
    expect(told).toMatchObject({ port: 4000, hostname: '0.0.0.0', responseCacheBytes: 0 })
    expect(readProductionServerEnv({ hostname: '::1' }, { ...base, BYLINE_PAGE_STORE: ' /srv/pages ' })).toMatchObject({ hostname: '::1', pageStore: '/srv/pages' })
  })

  it('reports every problem at once, each in a line that says how to fix it', () => {
    const read = () =>
      readProductionServerEnv({ port: '70000' }, { ...base, BYLINE_RESPONSE_CACHE_MB: '0', BYLINE_PAGE_STORE: '/srv/pages', BYLINE_TRUSTED_PROXIES: 'not-an-address', REDIS_URL: 'redis://127.0.0.1:6379' })
    expect(read).toThrow(ConfigurationError)
    const message = (() => {
      try {
        read()
        return ''
      } catch (error) {
        return (error as Error).message
      }
    })()
    for (const part of ['PORT (or --port) "70000"', 'BYLINE_PAGE_STORE', 'BYLINE_TRUSTED_PROXIES has "not-an-address"', 'REDIS_URL (shared mode']) expect(message).toContain(part)
    expect(() => readProductionServerEnv({}, { ...base, BYLINE_RESPONSE_CACHE_MB: 'lots' })).toThrow('BYLINE_RESPONSE_CACHE_MB "lots" is not a number of megabytes')
  })

  it('knows a build from a run, and a demo-less start', () => {
    expect(isBuildPhase({ NEXT_PHASE: 'phase-production-build' })).toBe(true)
    expect(isBuildPhase({ NEXT_PHASE: 'phase-production-server' })).toBe(false)
    expect(skipsDemoContent({ BYLINE_SKIP_DEMO: 'true' })).toBe(true)
    expect(skipsDemoContent({})).toBe(false)
  })
})

const host = { hostname: 'web', pid: 42 }

describe('Shared mode settings', () => {
  it('is off without REDIS_URL: one process, as before', () => {
    expect(parseRedisEnv({}, host)).toBeNull()
    expect(parseRedisEnv({ REDIS_URL: '  ' }, host)).toBeNull()
  })

  it('is on with REDIS_URL, with a default prefix and an instance name from the host and process', () => {
    expect(parseRedisEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }, host)).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'byline:', instance: 'web:42' })
    expect(parseRedisEnv({ REDIS_URL: 'rediss://cache.internal:6380/2', BYLINE_REDIS_PREFIX: 'site-a:', BYLINE_INSTANCE: 'web-1' }, host)).toEqual({
      url: 'rediss://cache.internal:6380/2',
      prefix: 'site-a:',
      instance: 'web-1',
    })
  })

  const problems: [string, Record<string, string>, RegExp][] = [
    ['a URL of another scheme', { REDIS_URL: 'http://127.0.0.1:6379' }, /^REDIS_URL "http:\/\/127\.0\.0\.1:6379" is not a redis:\/\/ or rediss:\/\/ URL/],
    ['no URL at all', { REDIS_URL: '127.0.0.1:6379' }, /^REDIS_URL "127\.0\.0\.1:6379" is not a redis/],
    ['a password, hidden in the message', { REDIS_URL: 'redis://user:s3cret@/' }, /^REDIS_URL "redis:\/\/user:\*\*\*@\/" is not/],
    ['a prefix without a URL', { BYLINE_REDIS_PREFIX: 'x:' }, /^BYLINE_REDIS_PREFIX is set but REDIS_URL is not/],
    ['a prefix with spaces', { REDIS_URL: 'redis://r', BYLINE_REDIS_PREFIX: 'my site' }, /^BYLINE_REDIS_PREFIX "my site" may hold only/],
    ['an instance name with a slash', { REDIS_URL: 'redis://r', BYLINE_INSTANCE: 'web/1' }, /^BYLINE_INSTANCE "web\/1" may hold only/],
  ]
  for (const [what, source, message] of problems) {
    it(`refuses ${what} with one clear line`, () => {
      let error: unknown = null
      try {
        parseRedisEnv(source, host)
      } catch (thrown) {
        error = thrown
      }
      expect(error).toBeInstanceOf(ConfigurationError)
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).not.toContain('\n')
      expect((error as Error).message).not.toContain('s3cret')
    })
  }
})
