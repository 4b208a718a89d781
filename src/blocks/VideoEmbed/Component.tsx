import type { VideoEmbedBlock } from '@/payload-types'

import { embedUrl, parseVideoUrl, watchUrl } from '@/lib/video'

import { VideoFacade } from './Facade'

const PROVIDER_NAMES = { youtube: 'YouTube', vimeo: 'Vimeo' } as const

export function VideoEmbedComponent({ block }: { block: VideoEmbedBlock }) {
  const video = parseVideoUrl(block.url)
  // The field validates on save, so this only happens to content written before the rule.
  if (!video) return null
  return (
    <figure className="video-embed">
      <VideoFacade
        title={block.title}
        watchUrl={watchUrl(video)}
        embedUrl={embedUrl(video)}
        providerName={PROVIDER_NAMES[video.provider]}
      />
      <figcaption>{block.title}</figcaption>
    </figure>
  )
}
