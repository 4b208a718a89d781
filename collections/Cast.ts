import type { CollectionConfig } from 'payload'

import { editorOrCreator } from '@/access/editorOrCreator'
import { writersAddEditorsDelete } from '@/access/writersAddEditorsDelete'
import { createdByField } from '@/fields/createdBy'
import { slugField } from '@/fields/slug'

export const Cast: CollectionConfig = {
  slug: 'cast',
  labels: { singular: 'Cast member', plural: 'Cast' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'character', 'slug'] },
  access: writersAddEditorsDelete({ update: editorOrCreator('writer') }),
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100, admin: { description: 'The actor.' } },
    { name: 'character', type: 'text', maxLength: 100 },
    slugField({ from: 'name' }),
    { name: 'photo', type: 'upload', relationTo: 'media' },
    { name: 'bio', type: 'textarea', maxLength: 2000 },
    {
      name: 'articles',
      type: 'join',
      collection: 'articles',
      on: 'cast',
      defaultSort: '-publishedAt',
      admin: { defaultColumns: ['title', '_status', 'publishedAt'] },
    },
    createdByField(),
  ],
}
