import type { CollectionConfig } from 'payload'

import { editorOrOwnProfile } from '@/access/editorOrOwnProfile'
import { isEditorOrAboveField } from '@/access/isEditorOrAbove'
import { writersAddEditorsDelete } from '@/access/writersAddEditorsDelete'
import { createdByField } from '@/fields/createdBy'
import { slugField } from '@/fields/slug'
import { validateUrl } from '@/fields/validateUrl'

export const Authors: CollectionConfig = {
  slug: 'authors',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'user'] },
  access: writersAddEditorsDelete({ update: editorOrOwnProfile }),
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 100 },
    slugField({ from: 'name' }),
    { name: 'avatar', type: 'upload', relationTo: 'media' },
    {
      name: 'bio',
      type: 'textarea',
      maxLength: 500,
      admin: { description: 'Two sentences shown in the byline box under each article (500 characters at most).' },
    },
    {
      name: 'links',
      type: 'group',
      fields: [
        { name: 'website', type: 'text', validate: validateUrl },
        {
          name: 'socials',
          type: 'array',
          labels: { singular: 'Social profile', plural: 'Social profiles' },
          fields: [
            {
              name: 'network',
              type: 'select',
              required: true,
              options: ['bluesky', 'mastodon', 'instagram', 'threads', 'x', 'linkedin', 'tiktok', 'youtube'].map(
                (value) => ({ label: value, value }),
              ),
            },
            { name: 'url', type: 'text', required: true, validate: validateUrl },
          ],
        },
      ],
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      // Linking an account makes every article under this byline that account's own: an editor's call.
      access: { create: isEditorOrAboveField, update: isEditorOrAboveField },
      admin: { position: 'sidebar', description: 'The newsroom account that writes as this author.' },
    },
    createdByField(),
  ],
}
