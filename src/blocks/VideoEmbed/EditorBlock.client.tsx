'use client'
/**
 * The video embed in the article editor: the click-to-play cover's title and provider, above its
 * fields (#11). No thumbnail from the provider: the admin calls no third-party host (#11 item 6).
 */
import { useFormFields } from '@payloadcms/ui'

import { parseVideoUrl } from '@/lib/video'

import { BlockFrame } from '../editor/BlockFrame.client'
import { BlockTextField } from '../editor/BlockTextField.client'

const PROVIDERS = { youtube: 'YouTube', vimeo: 'Vimeo' } as const

export function VideoEmbedEditorBlock() {
  const url = useFormFields(([fields]) => fields.url?.value as string | undefined)
  const title = useFormFields(([fields]) => fields.title?.value as string | undefined)
  const video = url ? parseVideoUrl(url) : null
  return (
    <BlockFrame
      label="Video embed"
      preview={
        <div className="byline-block-preview byline-block-preview--video">
          <span className="byline-block-preview__play" aria-hidden="true">▶</span>
          <p className="byline-block-preview__title">{title?.trim() ? title : <span className="byline-block-preview__empty">The video’s title appears here.</span>}</p>
          <p className="byline-block-preview__meta">
            {video ? `${PROVIDERS[video.provider]} video ${video.id}` : url?.trim() ? 'Not a YouTube or Vimeo address yet' : 'Paste a YouTube or Vimeo address'}
          </p>
        </div>
      }
    >
      <BlockTextField path="url" label="Video address" required />
      <BlockTextField path="title" label="Video title" required description="Describes the video for screen readers and for the click-to-play cover." />
    </BlockFrame>
  )
}
