import { describe, expect, it } from 'vitest'

import { ConfigurationError, parseRedisEnv } from '@/lib/env'

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
