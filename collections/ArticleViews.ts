import type { Access, CollectionConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { isViewDay } from '@/pageViews/days'

/** Rows are written by the view counter through the Local API only, never over REST or GraphQL. */
const noClientWrites: Access = () => false

/**
 * Page views of articles, per article, day and server process (src/pageViews). The reader site's
 * "Most Popular" sums them over a window. Counts only: no reader, address or cookie is recorded.
 */
export const ArticleViews: CollectionConfig = {
  slug: 'article-views',
  labels: { singular: 'Article views', plural: 'Article views' },
  admin: {
    useAsTitle: 'day',
    defaultColumns: ['article', 'day', 'views', 'instance'],
    description: 'Page views counted by the reader site, one row per article, day and server process. Read-only.',
  },
  // Newsroom statistics, not part of the public API.
  graphQL: false,
  access: {
    read: isStaff,
    create: noClientWrites,
    update: noClientWrites,
    delete: noClientWrites,
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      index: true,
      admin: { allowCreate: false },
      // Not required: deleting an article unlinks its rows (the SQL adapters' ON DELETE SET NULL)
      // instead of being refused; unlinked rows never rank.
    },
    {
      name: 'day',
      type: 'text',
      required: true,
      index: true,
      validate: (value: unknown) => isViewDay(value) || 'A day is a UTC date written YYYY-MM-DD.',
      admin: { description: 'UTC date, YYYY-MM-DD.' },
    },
    { name: 'views', type: 'number', required: true, min: 0, defaultValue: 0 },
    {
      name: 'instance',
      type: 'text',
      required: true,
      admin: {
        description: 'The server process that counted these views. Each process adds to its own rows only, so processes never overwrite each other’s counts.',
      },
    },
  ],
}
