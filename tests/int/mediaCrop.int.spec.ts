import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readEnv } from '@/lib/env'
import { placeholderImage } from '@/seed/images'

import type { StaffUser } from '../helpers/fixtures'

import { cleanupStaff, seedStaff } from '../helpers/fixtures'
import { getTestPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

/**
 * The app's own media collection on the local disk (no S3_*): an editor's focal-point change or
 * crop re-cuts the stored original. On S3 the original is fetched from the site's own file route
 * instead, through upload.skipSafeFetch: tests/int/mediaStorage.int.spec.ts covers that against
 * a real S3 server.
 */

describe('Media', () => {
  let payload: Payload
  let staff: Record<'editor', StaffUser>
  const ids: string[] = []
  const system = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const

  beforeAll(async () => {
    payload = await getTestPayload()
    staff = await seedStaff(payload, ['editor'])
  })

  afterAll(async () => {
    if (ids.length > 0) await payload.delete({ ...system, collection: 'media', where: { id: { in: ids } } })
    await cleanupStaff(payload, staff)
  })

  const upload = async () => {
    const png = await placeholderImage({ seed: `crop-${Date.now()}`, width: 1400, height: 900, motif: 'scene' })
    const doc = await payload.create({ ...system, collection: 'media', data: { alt: 'A scene' }, file: { data: png, mimetype: 'image/png', name: `crop-${Date.now()}.png`, size: png.length } })
    ids.push(doc.id)
    return doc
  }

  const thumbnailBytes = (doc: { sizes?: { thumbnail?: { filename?: string | null } | null } | null }) =>
    fs.readFileSync(path.join(readEnv().mediaDir, doc.sizes?.thumbnail?.filename ?? ''))

  describe('re-cropping a stored image', () => {
    it('moves the focal point through REST and cuts the sizes again (200, not 500)', async () => {
      const doc = await upload()
      const before = thumbnailBytes(doc)
      const response = await rest('PATCH', `/media/${doc.id}?uploadEdits[focalPoint][x]=10&uploadEdits[focalPoint][y]=20`, { token: staff.editor.token, body: {} })
      expect(response.status, JSON.stringify(response.body?.errors)).toBe(200)
      expect(response.body.doc.focalX).toBe(10)
      expect(thumbnailBytes(response.body.doc).equals(before)).toBe(false)
    })

    it('crops the original to the chosen area', async () => {
      const doc = await upload()
      // What the admin's crop tool sends: the area in percent, its size in pixels.
      const crop = { x: 10, y: 10, width: 50, height: 50, unit: '%' }
      const query = [
        ...Object.entries(crop).map(([key, value]) => `uploadEdits[crop][${key}]=${encodeURIComponent(String(value))}`),
        'uploadEdits[widthInPixels]=700',
        'uploadEdits[heightInPixels]=450',
      ].join('&')
      const response = await rest('PATCH', `/media/${doc.id}?${query}`, { token: staff.editor.token, body: {} })
      expect(response.status, JSON.stringify(response.body?.errors)).toBe(200)
      expect([response.body.doc.width, response.body.doc.height]).toEqual([700, 450])
    })
  })
})
