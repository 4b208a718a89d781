import type { CollectionConfig } from 'payload'

import { canReadPage, canReadPageVersions } from '@/access/canReadPage'
import { isEditorOrAbove } from '@/access/isEditorOrAbove'
import { articleEditor } from '@/fields/articleEditor'
import { parentField } from '@/fields/parent'
import { refuseUnsafeLinks } from '@/fields/safeLinks'
import { slugField } from '@/fields/slug'
import { checkPageSlug } from '@/routing/slugClaims'

const messages = {
  cycle: 'A page cannot be put under itself or one of its own subpages.',
}

/** Autosave's pause after the last keystroke, as for articles. */
const AUTOSAVE_INTERVAL_MS = 2000

/**
 * Standing pages (About, Contact, an imprint) at /{slug}, or /{parent}/{slug} under another page.
 * Editors write them; the rest of the newsroom reads the drafts; the public reads published pages.
 */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: 'Page', plural: 'Pages' },
  admin: { group: 'Content', useAsTitle: 'title', defaultColumns: ['title', 'slug', 'parent', '_status', 'updatedAt'] },
  access: {
    read: canReadPage,
    readVersions: canReadPageVersions,
    create: isEditorOrAbove,
    update: isEditorOrAbove,
    delete: isEditorOrAbove,
  },
  versions: {
    drafts: { autosave: { interval: AUTOSAVE_INTERVAL_MS, showSaveDraftButton: true } },
    maxPerDoc: 50,
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    // A top-level page is served at /{slug}: the site's routes and the categories keep theirs.
    slugField({ from: 'title', validate: (slug, { data, req }) => checkPageSlug({ slug, req, topLevel: !data.parent }) }),
    parentField({ collection: 'pages', message: messages.cycle, description: 'Put this page under another one: it is then served at /{parent}/{slug}.' }),
    { name: 'content', type: 'richText', editor: articleEditor, hooks: { beforeValidate: [refuseUnsafeLinks] } },
  ],
}
