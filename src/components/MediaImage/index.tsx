import Image from 'next/image'

import type { ImageRef } from '@/lib/media'

type MediaImageProps = {
  image: ImageRef
  /** The slot's width at each breakpoint, so the browser picks a fitting rendition. */
  sizes: string
  /**
   * The page's main image, above the fold (its likely Largest Contentful Paint): preloaded and
   * fetched at high priority. Next 16's `priority` only preloads, and an image preload starts at
   * the browser's low priority for images; `fetchPriority` raises both the preload and the image.
   */
  priority?: boolean
  className?: string
  /** Decorative images (a photo next to the same name) get empty alt text. */
  decorative?: boolean
}

/** An uploaded image with its intrinsic width and height, so it reserves its space before it loads. */
export function MediaImage({ image, sizes, priority = false, className, decorative = false }: MediaImageProps) {
  return (
    <Image
      src={image.src}
      width={image.width}
      height={image.height}
      alt={decorative ? '' : image.alt}
      sizes={sizes}
      preload={priority}
      fetchPriority={priority ? 'high' : undefined}
      className={className}
    />
  )
}

/**
 * A picture as a figure: the caption the writer gave it and the credit stored with the upload,
 * both in its `<figcaption>` (screen readers read them with the image). Nothing under the picture
 * when it has neither.
 */
export function MediaFigure({ image, caption, className, ...imageProps }: MediaImageProps & { caption?: string | null }) {
  const text = caption?.trim() || null
  return (
    <figure className={className}>
      <MediaImage image={image} {...imageProps} />
      {text || image.credit ? (
        <figcaption>
          {text}
          {text && image.credit ? ' ' : null}
          {image.credit ? <span className="figure__credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  )
}
