import type { CollectionConfig } from 'payload'

import { canCreateArticle } from '@/access/canCreateArticle'
import { canDeleteArticle } from '@/access/canDeleteArticle'
import { canReadArticle } from '@/access/canReadArticle'
import { canReadArticleVersions } from '@/access/canReadArticleVersions'
import { canUpdateArticle } from '@/access/canUpdateArticle'
import { articleEditor } from '@/fields/articleEditor'
import { slugField } from '@/fields/slug'

import { setPublishedAt } from './hooks/setPublishedAt'

export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    group: 'Content',
    useAsTitle: 'title',
    defaultColumns: ['title', '_status', 'authors', 'category', 'publishedAt'],
  },
  access: {
    read: canReadArticle,
    readVersions: canReadArticleVersions,
    create: canCreateArticle,
    update: canUpdateArticle,
    delete: canDeleteArticle,
  },
  versions: {
    drafts: true,
    maxPerDoc: 50,
  },
  hooks: {
    beforeChange: [setPublishedAt],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField({ from: 'title' }),
    {
      name: 'excerpt',
      type: 'textarea',
      maxLength: 400,
      admin: { description: 'One or two sentences for listings, feeds and search results.' },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    { name: 'content', type: 'richText', editor: articleEditor },
    {
      name: 'category',
      type: 'relationship',
      relationTo: 'categories',
      required: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'authors',
      hasMany: true,
      required: true,
      minRows: 1,
      admin: { position: 'sidebar' },
    },
    {
      name: 'cast',
      type: 'relationship',
      relationTo: 'cast',
      hasMany: true,
      admin: { position: 'sidebar', description: 'Cast members featured in the article.' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set on first publish and kept afterwards.',
      },
    },
    {
      name: 'commentsOpen',
      type: 'checkbox',
      defaultValue: true,
      admin: { position: 'sidebar' },
    },
  ],
}
