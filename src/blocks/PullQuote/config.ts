import type { Block } from 'payload'

export const PullQuote: Block = {
  slug: 'pullQuote',
  interfaceName: 'PullQuoteBlock',
  labels: { singular: 'Pull quote', plural: 'Pull quotes' },
  // A preview inside the block, and fields labelled for assistive technology (src/blocks/editor).
  // No block name: readers never see it, and Payload gives every block's name input the same id.
  admin: { disableBlockName: true, components: { Block: '@/blocks/PullQuote/EditorBlock.client#PullQuoteEditorBlock' } },
  fields: [
    { name: 'quote', type: 'textarea', required: true, maxLength: 600 },
    {
      name: 'attribution',
      type: 'text',
      required: true,
      admin: { description: 'Who said it, as readers should see it: "Joe Locke", "Patrick Walters, executive producer".' },
    },
    {
      name: 'castMember',
      type: 'relationship',
      relationTo: 'cast',
      admin: { description: 'Optional: links the quote to a cast member’s page.' },
    },
  ],
}
