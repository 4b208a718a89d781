import type { CollectionConfig, RelationshipFieldSingleValidation } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrAbove } from '@/access/isEditorOrAbove'
import { slugField } from '@/fields/slug'
import { RESERVED_SLUGS } from '@/lib/reservedSlugs'

const messages = {
  cycle: 'A category cannot be nested under itself or one of its subcategories.',
  reserved: (slug: string) =>
    `"${slug}" is already a page of the site (/${slug}), so it cannot name a category. Choose another slug.`,
}

/** Walks up from the chosen parent; meeting the category itself means the change would make a loop. */
const validateParent: RelationshipFieldSingleValidation = async (value, { id, req }) => {
  if (!value || !id) return true
  let cursor: unknown = value
  for (let depth = 0; cursor && depth < 20; depth += 1) {
    const parentId = typeof cursor === 'object' && cursor !== null && 'id' in cursor ? cursor.id : cursor
    if (parentId === id) return messages.cycle
    const parent = await req.payload.findByID({
      collection: 'categories',
      id: String(parentId),
      depth: 0,
      req,
      disableErrors: true,
    })
    cursor = parent?.parent
  }
  return true
}

export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: 'Category', plural: 'Categories' },
  admin: { group: 'Content', useAsTitle: 'name', defaultColumns: ['name', 'slug', 'parent'] },
  access: {
    read: anyone,
    create: isEditorOrAbove,
    update: isEditorOrAbove,
    delete: isEditorOrAbove,
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    slugField({
      from: 'name',
      validate: (slug) => (RESERVED_SLUGS.has(slug) ? messages.reserved(slug) : true),
    }),
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'categories',
      admin: { position: 'sidebar', description: 'Nest this category under another one (shown in breadcrumbs).' },
      // A category cannot sit under itself; the validation below also refuses deeper cycles.
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      validate: validateParent,
    },
  ],
}
