import type { Block } from 'payload'

export const CastSpotlight: Block = {
  slug: 'castSpotlight',
  interfaceName: 'CastSpotlightBlock',
  labels: { singular: 'Cast spotlight', plural: 'Cast spotlights' },
  fields: [
    { name: 'heading', type: 'text' },
    { name: 'cast', type: 'relationship', relationTo: 'cast', hasMany: true, required: true, minRows: 1 },
  ],
}
