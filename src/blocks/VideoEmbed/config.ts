import type { Block } from 'payload'

import { parseVideoUrl } from '@/lib/video'

const messages = {
  unsupported: 'Paste a YouTube or Vimeo video address, for example https://www.youtube.com/watch?v=… or https://vimeo.com/123456789.',
}

export const VideoEmbed: Block = {
  slug: 'videoEmbed',
  interfaceName: 'VideoEmbedBlock',
  labels: { singular: 'Video embed', plural: 'Video embeds' },
  // A preview inside the block, and fields labelled for assistive technology (src/blocks/editor).
  // No block name: readers never see it, and Payload gives every block's name input the same id.
  admin: { disableBlockName: true, components: { Block: '@/blocks/VideoEmbed/EditorBlock.client#VideoEmbedEditorBlock' } },
  fields: [
    {
      name: 'url',
      type: 'text',
      required: true,
      validate: (value: string | null | undefined) =>
        value && parseVideoUrl(value) ? true : messages.unsupported,
    },
    {
      name: 'title',
      type: 'text',
      required: true,
      admin: { description: 'Describes the video for screen readers and for the click-to-play cover.' },
    },
  ],
}
