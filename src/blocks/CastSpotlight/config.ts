import type { Block } from 'payload'

export const CastSpotlight: Block = {
  slug: 'castSpotlight',
  interfaceName: 'CastSpotlightBlock',
  labels: { singular: 'Cast spotlight', plural: 'Cast spotlights' },
  // A preview inside the block, and fields labelled for assistive technology (src/blocks/editor).
  admin: { components: { Block: '@/blocks/CastSpotlight/EditorBlock#CastSpotlightEditorBlock' } },
  fields: [
    { name: 'heading', type: 'text' },
    { name: 'cast', type: 'relationship', relationTo: 'cast', hasMany: true, required: true, minRows: 1 },
  ],
}
