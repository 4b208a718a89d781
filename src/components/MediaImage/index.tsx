import Image from 'next/image'

import type { ImageRef } from '@/lib/media'

type MediaImageProps = {
  image: ImageRef
  /** The slot's width at each breakpoint, so the browser picks a fitting rendition. */
  sizes: string
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
      priority={priority}
      className={className}
    />
  )
}
