import type { S3ClientConfig } from '@aws-sdk/client-s3'
import type { Plugin } from 'payload'

import { s3Storage } from '@payloadcms/storage-s3'

import { ConfigurationError } from '@/lib/env'

/**
 * Media on S3-compatible storage (issue 20), so that every app instance serves every upload.
 * Files still go out through Payload's `/api/media/file/<name>` (its access control, Range and
 * ETag handling), which is what `src/lib/media.ts` and next/image's localPatterns expect.
 */

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

/** An S3 environment with one or more problems, each as one line, for the start-up report. */
export class S3ConfigurationError extends ConfigurationError {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const

/** AWS's bucket naming rules, which S3-compatible servers share: 3 to 63 of a-z 0-9 . - */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const REGION = /^[a-z0-9-]+$/
/** The region a client signs with when talking to an S3-compatible server that has no regions. */
const DEFAULT_COMPATIBLE_REGION = 'us-east-1'

const messages = {
  missing: (name: string) => `${name} is not set, but other S3_* variables are: set it too, or unset them all to keep media on the local disk.`,
  missingRegion: 'S3_REGION is not set: AWS S3 (no S3_ENDPOINT) needs the bucket\'s region, e.g. eu-west-1.',
  malformedEndpoint: (value: string) => `S3_ENDPOINT "${value}" is not an absolute http(s) URL. Example: http://127.0.0.1:7480`,
  malformedBucket: (value: string) => `S3_BUCKET "${value}" is not a valid bucket name (3 to 63 lowercase letters, digits, dots and hyphens).`,
  malformedRegion: (value: string) => `S3_REGION "${value}" is not a region name (lowercase letters, digits and hyphens, e.g. us-east-1).`,
  malformedKey: (name: string) => `${name} contains whitespace; copy the key again without spaces or line breaks.`,
  malformedPathStyle: (value: string) => `S3_FORCE_PATH_STYLE "${value}" must be true (host/bucket/key, for Ceph, MinIO and most self-hosted servers) or false (bucket.host/key).`,
}

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
    if (/^https?:\/\/[^/\s]+/.test(endpointRaw) && URL.canParse(endpointRaw)) endpoint = endpointRaw.replace(/\/+$/, '')
    else problems.push(messages.malformedEndpoint(endpointRaw))
  }

  const bucket = read('S3_BUCKET')
  if (bucket === undefined) problems.push(messages.missing('S3_BUCKET'))
  else if (!BUCKET_NAME.test(bucket)) problems.push(messages.malformedBucket(bucket))

  const regionRaw = read('S3_REGION')
  if (regionRaw === undefined && endpointRaw === undefined) problems.push(messages.missingRegion)
  else if (regionRaw !== undefined && !REGION.test(regionRaw)) problems.push(messages.malformedRegion(regionRaw))
  const region = regionRaw ?? DEFAULT_COMPATIBLE_REGION

  // Keys are taken as given (no trim): a key with whitespace in it is a paste accident, said so.
  const key = (name: 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY') => {
    const value = source[name]
    if (!value || value.trim() === '') {
      problems.push(messages.missing(name))
      return ''
    }
    if (/\s/.test(value)) problems.push(messages.malformedKey(name))
    return value
  }
  const accessKeyId = key('S3_ACCESS_KEY_ID')
  const secretAccessKey = key('S3_SECRET_ACCESS_KEY')

  const pathStyleRaw = read('S3_FORCE_PATH_STYLE')?.toLowerCase()
  if (pathStyleRaw !== undefined && pathStyleRaw !== 'true' && pathStyleRaw !== 'false') problems.push(messages.malformedPathStyle(pathStyleRaw))
  // Self-hosted servers rarely have wildcard DNS for bucket subdomains; AWS prefers virtual hosts.
  const forcePathStyle = pathStyleRaw === undefined ? endpointRaw !== undefined : pathStyleRaw === 'true'

  if (problems.length > 0 || bucket === undefined) throw new S3ConfigurationError(problems)
  return { endpoint, bucket, region, accessKeyId, secretAccessKey, forcePathStyle }
}

/**
 * The AWS SDK client settings. Checksums only `WHEN_REQUIRED`: the SDK's default (since 3.729)
 * adds CRC32 trailers to streamed uploads, which Ceph RGW refuses (MissingContentLength) and
 * other S3-compatible servers store as part of the object, corrupting it.
 */
export function s3ClientConfig(s3: S3Env): S3ClientConfig {
  return {
    ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  }
}

/**
 * The storage plugin for the `media` collection: on S3 when `s3` is given, on the local disk
 * (Payload's own storage, as today) when it is null. The plugin's fields (`prefix`,
 * `_objectKey`) are inserted either way, so the database schema does not depend on the
 * environment and one set of migrations serves both.
 */
export function mediaStorage(s3: S3Env | null): Plugin {
  return s3Storage({
    enabled: s3 !== null,
    alwaysInsertFields: true,
    bucket: s3?.bucket ?? '',
    config: s3 ? s3ClientConfig(s3) : {},
    // Proxied through Payload (no signedDownloads, no public bucket): access control keeps
    // applying, and the bucket never needs to be reachable from browsers. A prefix (empty: keys
    // at the bucket's root) is what makes the plugin insert its `prefix` field when enabled too.
    collections: { media: { prefix: '' } },
  })
}

type AllowListEntry = { hostname: string; pathname?: string; port?: string; protocol?: 'http' | 'https' }

/**
 * What the media collection's `upload.skipSafeFetch` must allow. With the files off the local
 * disk, a crop or focal-point change makes Payload fetch the original from the site's own
 * `/api/media/file/…`, and its SSRF guard refuses hosts on loopback or private addresses (the
 * usual place for an app behind a proxy). Only the site's own file route is allowed, nothing else
 * on that host.
 */
export function mediaSkipSafeFetch(serverURL: string): AllowListEntry[] {
  const url = new URL(serverURL)
  const base = url.pathname.replace(/\/+$/, '')
  return [
    {
      protocol: url.protocol === 'https:' ? 'https' : 'http',
      hostname: url.hostname,
      ...(url.port ? { port: url.port } : {}),
      pathname: `${base}/api/media/file/*`,
    },
  ]
}
