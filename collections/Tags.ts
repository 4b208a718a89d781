import type { CollectionConfig } from 'payload'

import { isWriterOrAbove } from '@/access/isWriterOrAbove'
import { writersAddEditorsDelete } from '@/access/writersAddEditorsDelete'
import { slugField } from '@/fields/slug'

/**
 * Free keywords across sections, listed at /tag/{slug}. Writers add them while writing, as in
 * WordPress; removing one from every article it is on is an editor's decision.
 */
export const Tags: CollectionConfig = {
  slug: 'tags',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  access: writersAddEditorsDelete({ update: isWriterOrAbove }),
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    slugField({ from: 'name' }),
    { name: 'description', type: 'textarea', maxLength: 1000, admin: { description: 'Shown at the top of the tag page.' } },
  ],
}
