import type { Media } from '@/payload-types'

/** `credit`: who made the picture ("Photo: Jane Roe / Agency"), shown under it wherever the picture is a figure. */
export type ImageRef = { src: string; width: number; height: number; alt: string; credit: string | null }

type MediaSize = keyof NonNullable<Media['sizes']>

/**
 * Payload stores absolute URLs built from the serverURL at upload time; the site serves the same
 * files from its own origin, so images are addressed by path (next/image's localPatterns allow
 * /api/media/file/**), which also survives a change of domain.
 */
const fileUrl = (filename: string) => `/api/media/file/${encodeURIComponent(filename)}`

/**
 * The best stored rendition of an upload for a layout slot: the named size when Payload made one
 * (it skips sizes larger than the original), else the original. Null when the relation is not
 * populated or the file has no dimensions, so callers never render an image that shifts layout.
 */
export function imageRef(media: Pick<Media, 'alt' | 'filename' | 'height' | 'sizes' | 'width'> & { credit?: string | null } | string | null | undefined, size?: MediaSize): ImageRef | null {
  if (!media || typeof media === 'string') return null
  const credit = media.credit?.trim() || null
  const sized = size ? media.sizes?.[size] : undefined
  if (sized?.filename && sized.width && sized.height) {
    return { src: fileUrl(sized.filename), width: sized.width, height: sized.height, alt: media.alt, credit }
  }
  if (!media.filename || !media.width || !media.height) return null
  return { src: fileUrl(media.filename), width: media.width, height: media.height, alt: media.alt, credit }
}
