import type { CollectionConfig, RelationshipFieldSingleValidation } from 'payload'

import { canReadPage, canReadPageVersions } from '@/access/canReadPage'
import { isEditorOrAbove } from '@/access/isEditorOrAbove'
import { draftedDocument } from '@/admin/draftedDocument'
import { articleEditor } from '@/fields/articleEditor'
import { lastEditedByField } from '@/fields/lastEditedBy'
import { parentField } from '@/fields/parent'
import { richTextLinkHooks } from '@/fields/linkUrl'
import { slugField } from '@/fields/slug'
import { mediaUsedField, recordMediaUsed } from '@/media/usage'
import { checkPageSlug } from '@/routing/slugClaims'

import { redirectOldUrl } from './hooks/redirectOldUrl'
import { relationId } from '@/lib/relationId'

const messages = {
  cycle: 'A page cannot be put under itself or one of its own subpages.',
  tooDeep: 'Pages nest one level deep (/{parent}/{page}): choose a top-level page as the parent.',
  hasChildren: 'This page has subpages of its own, so it stays at the top level: move its subpages first.',
}

/**
 * The routes serve /{page} and /{parent}/{page}: a parent must be a top-level page, and a page
 * with subpages cannot move under another (its subpages would be two levels down).
 */
const validateNesting: RelationshipFieldSingleValidation = async (value, options) => {
  const parentId = relationId(value)
  if (!parentId) return true
  const { req, id } = options
  const parent = await req.payload.findByID({ collection: 'pages', id: parentId, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })
  if (parent?.parent) return messages.tooDeep
  if (!id) return true
  const { totalDocs } = await req.payload.count({ collection: 'pages', where: { parent: { equals: id } }, overrideAccess: true, req })
  return totalDocs > 0 ? messages.hasChildren : true
}

/** Drafted as articles are (autosave, versions, Create New in place, empty drafts), without scheduled publishing. */
const drafts = draftedDocument({ collection: 'pages' })

/**
 * Standing pages (About, Contact, an imprint) at /{slug}, or /{parent}/{slug} under another page.
 * Editors write them; the rest of the newsroom reads the drafts; the public reads published pages.
 */
export const Pages: CollectionConfig = {
  slug: 'pages',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'parent', '_status', 'updatedAt'],
    components: { views: drafts.editViews, beforeListTable: [drafts.emptyDraftsNotice] },
  },
  endpoints: drafts.endpoints,
  access: {
    read: canReadPage,
    readVersions: canReadPageVersions,
    create: isEditorOrAbove,
    update: isEditorOrAbove,
    delete: isEditorOrAbove,
  },
  versions: drafts.versions,
  hooks: { beforeChange: [recordMediaUsed], afterChange: [redirectOldUrl] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    // A top-level page is served at /{slug}: the site's routes and the categories keep theirs.
    slugField({ from: 'title', validate: (slug, { data, req }) => checkPageSlug({ slug, req, topLevel: !data.parent }) }),
    parentField({
      collection: 'pages',
      message: messages.cycle,
      description: 'Put this page under a top-level page: it is then served at /{parent}/{slug}.',
      alsoValidate: validateNesting,
    }),
    { name: 'content', type: 'richText', editor: articleEditor, hooks: { beforeValidate: richTextLinkHooks } },
    lastEditedByField(),
    // The images this page shows, for the media library's "Used in" (src/media/usage.ts).
    mediaUsedField,
  ],
}
