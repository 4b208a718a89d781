import type { S3ClientConfig } from '@aws-sdk/client-s3'
import type { Plugin } from 'payload'

import { s3Storage } from '@payloadcms/storage-s3'

import type { S3Env } from '@/lib/env'

export { parseS3Env, S3ConfigurationError, type S3Env } from '@/lib/env'

/**
 * Media on S3-compatible storage (issue #7), so that every app instance serves every upload.
 * Files still go out through Payload's `/api/media/file/<name>` (its access control, Range and
 * ETag handling), which is what `src/lib/media.ts` and next/image's localPatterns expect.
 */

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
