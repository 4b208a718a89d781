import type { Block } from 'payload'

export const CastSpotlight: Block = {
  slug: 'castSpotlight',
  interfaceName: 'CastSpotlightBlock',
  labels: { singular: 'Cast spotlight', plural: 'Cast spotlights' },
  // A preview inside the block, and fields labelled for assistive technology (src/blocks/editor).
  // No block name: readers never see it, and Payload gives every block's name input the same id.
  admin: { disableBlockName: true, components: { Block: '@/blocks/CastSpotlight/EditorBlock.client#CastSpotlightEditorBlock' } },
  fields: [
    { name: 'heading', type: 'text' },
    // Not `cast`: the article's own cast field has that name, and Payload derives a field's element
    // id from its name alone, so both rendered `id="field-cast"` in the editor (#11 item 5).
    { name: 'castMembers', type: 'relationship', relationTo: 'cast', hasMany: true, required: true, minRows: 1 },
  ],
}
