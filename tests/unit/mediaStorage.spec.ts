import type { CollectionConfig, Config, Field } from 'payload'

import { describe, expect, it } from 'vitest'

import { ConfigurationError } from '@/lib/env'
import { S3ConfigurationError, mediaSkipSafeFetch, mediaStorage, parseS3Env, s3ClientConfig } from '@/media/storage'

import { Media } from '../../collections/Media'

const compatible = {
  S3_ENDPOINT: 'http://127.0.0.1:7480',
  S3_BUCKET: 'byline-media',
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'c2VjcmV0LWtleQ',
  S3_FORCE_PATH_STYLE: 'true',
}

/** Every problem parseS3Env reports for this environment, or a failure if it accepts it. */
function problemsWith(source: Record<string, string | undefined>): string[] {
  try {
    parseS3Env(source)
  } catch (error) {
    if (error instanceof S3ConfigurationError) return error.problems
    throw error
  }
  throw new Error(`parseS3Env accepted ${JSON.stringify(source)}`)
}

describe('Media storage', () => {
  describe('parseS3Env', () => {
    it('keeps media on the local disk when no S3_* variable is set (blank ones count as unset)', () => {
      expect(parseS3Env({})).toBeNull()
      expect(parseS3Env({ S3_BUCKET: '  ', S3_ENDPOINT: '' })).toBeNull()
    })

    it('reads an S3-compatible server', () => {
      expect(parseS3Env(compatible)).toEqual({
        endpoint: 'http://127.0.0.1:7480',
        bucket: 'byline-media',
        region: 'us-east-1',
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: 'c2VjcmV0LWtleQ',
        forcePathStyle: true,
      })
    })

    it('defaults to path-style addressing with an endpoint, and to virtual hosts and a required region on AWS', () => {
      const { S3_FORCE_PATH_STYLE: _style, S3_REGION: _region, ...withoutStyle } = compatible
      expect(parseS3Env(withoutStyle)).toMatchObject({ forcePathStyle: true, region: 'us-east-1' })
      const { S3_ENDPOINT: _endpoint, ...aws } = compatible
      expect(parseS3Env({ ...aws, S3_FORCE_PATH_STYLE: undefined })).toMatchObject({ endpoint: null, forcePathStyle: false })
      expect(problemsWith({ ...aws, S3_REGION: undefined })).toEqual([expect.stringMatching(/^S3_REGION is not set/)])
    })

    it('names every missing variable when only some are set, one line each', () => {
      const problems = problemsWith({ S3_BUCKET: 'byline-media', S3_ENDPOINT: 'http://127.0.0.1:7480' })
      expect(problems).toHaveLength(2)
      expect(problems[0]).toMatch(/^S3_ACCESS_KEY_ID is not set/)
      expect(problems[1]).toMatch(/^S3_SECRET_ACCESS_KEY is not set/)
      expect(problems.every((problem) => !problem.includes('\n'))).toBe(true)
    })

    it.each([
      ['S3_ENDPOINT', '127.0.0.1:7480', /^S3_ENDPOINT "127.0.0.1:7480" is not an absolute http\(s\) URL/],
      ['S3_BUCKET', 'Byline_Media', /^S3_BUCKET "Byline_Media" is not a valid bucket name/],
      ['S3_REGION', 'EU West', /^S3_REGION "EU West" is not a region name/],
      ['S3_SECRET_ACCESS_KEY', 'abc def', /^S3_SECRET_ACCESS_KEY contains whitespace/],
      ['S3_FORCE_PATH_STYLE', 'yes', /^S3_FORCE_PATH_STYLE "yes" must be true/],
    ])('refuses a malformed %s', (name, value, message) => {
      expect(problemsWith({ ...compatible, [name]: value })).toEqual([expect.stringMatching(message)])
    })

    it('never puts the secret key in a message', () => {
      const secret = 'abc def-very-secret'
      const problems = problemsWith({ ...compatible, S3_SECRET_ACCESS_KEY: secret, S3_BUCKET: 'X' })
      expect(problems).toHaveLength(2)
      expect(problems.join(' ')).not.toContain('very-secret')
    })

    it('reports as a ConfigurationError, like the rest of the environment', () => {
      expect(() => parseS3Env({ S3_BUCKET: 'byline-media' })).toThrow(ConfigurationError)
    })
  })

  describe('s3ClientConfig', () => {
    it('computes checksums only when S3 requires them, which S3-compatible servers need for streamed uploads', () => {
      const s3 = parseS3Env(compatible)
      if (!s3) throw new Error('expected settings')
      expect(s3ClientConfig(s3)).toEqual({
        endpoint: 'http://127.0.0.1:7480',
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'c2VjcmV0LWtleQ' },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      })
    })
  })

  describe('mediaStorage', () => {
    /** The names of the fields the database stores, nested groups included. */
    const shape = (fields: Field[]): unknown[] =>
      fields.map((field) => ('fields' in field ? { [('name' in field && field.name) || field.type]: shape(field.fields) } : 'name' in field ? field.name : field.type))

    const mediaWith = async (s3: ReturnType<typeof parseS3Env>) => {
      const config = await mediaStorage(s3)({ collections: [Media] } as Config)
      const media = config.collections?.find((collection) => collection.slug === 'media') as CollectionConfig
      return media
    }

    it('adds the same fields with S3 as without, so one set of migrations serves both', async () => {
      const onDisk = await mediaWith(null)
      const onS3 = await mediaWith(parseS3Env(compatible))
      expect(shape(onS3.fields)).toEqual(shape(onDisk.fields))
      expect(shape(onDisk.fields)).toEqual(expect.arrayContaining(['prefix', '_objectKey']))
    })

    it('moves files off the local disk only when S3 is configured', async () => {
      const onDisk = await mediaWith(null)
      const onS3 = await mediaWith(parseS3Env(compatible))
      expect(onDisk.upload).toEqual(Media.upload)
      expect(onS3.upload).toMatchObject({ disableLocalStorage: true, adapter: 's3' })
    })
  })

  describe('mediaSkipSafeFetch', () => {
    it('allows only the site’s own file route on its own host', () => {
      expect(mediaSkipSafeFetch('https://news.example.com')).toEqual([{ protocol: 'https', hostname: 'news.example.com', pathname: '/api/media/file/*' }])
      expect(mediaSkipSafeFetch('http://10.0.0.5:3000/')).toEqual([{ protocol: 'http', hostname: '10.0.0.5', port: '3000', pathname: '/api/media/file/*' }])
    })
  })
})
