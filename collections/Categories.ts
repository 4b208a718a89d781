import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrAbove } from '@/access/isEditorOrAbove'
import { parentField } from '@/fields/parent'
import { slugField } from '@/fields/slug'
import { checkCategorySlug } from '@/routing/slugClaims'

const messages = {
  cycle: 'A category cannot be nested under itself or one of its subcategories.',
}

export const Categories: CollectionConfig = {
  slug: 'categories',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'parent'] },
  access: {
    read: anyone,
    create: isEditorOrAbove,
    update: isEditorOrAbove,
    delete: isEditorOrAbove,
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    // A category is served at /{slug}: the site's own routes and top-level pages keep theirs.
    slugField({ from: 'name', validate: (slug, { req }) => checkCategorySlug({ slug, req }) }),
    parentField({ collection: 'categories', message: messages.cycle, description: 'Nest this category under another one (shown in breadcrumbs).' }),
  ],
}
