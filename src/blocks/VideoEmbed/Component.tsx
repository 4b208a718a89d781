import type { VideoEmbedBlock } from '@/payload-types'

import type { DraftFields } from '../draftFields'

import { embedUrl, parseVideoUrl, watchUrl } from '@/lib/video'

import { filled } from '../draftFields'
import { VideoFacade } from './Facade'

const PROVIDER_NAMES = { youtube: 'YouTube', vimeo: 'Vimeo' } as const

export function VideoEmbedComponent({ block }: { block: DraftFields<VideoEmbedBlock> }) {
  const url = filled(block.url)
  const video = url ? parseVideoUrl(url) : null
  // Published blocks validate on save; a draft's may have no address yet, or one written before the rule.
  if (!video) return null
  const providerName = PROVIDER_NAMES[video.provider]
  // A draft may lack the title the field requires on publish; the cover still needs words.
  const title = filled(block.title) ?? `${providerName} video`
  return (
    <figure className="video-embed">
      <VideoFacade title={title} watchUrl={watchUrl(video)} embedUrl={embedUrl(video)} providerName={providerName} />
      <figcaption>{title}</figcaption>
    </figure>
  )
}
