import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminUser } from '@/access/isAdmin'
import { importStatusEndpoint, importUploadEndpoint } from '@/import/wordpress/endpoint'

/**
 * The importer's memory of what it brought in (src/import/wordpress): one row per WordPress
 * thing, keyed by site, kind and WordPress id, pointing at the Byline document made from it and
 * the checksum of its source. A second run of the same export finds each row, skips what is
 * unchanged and updates what changed, so nothing is added twice. Admins only: the keys name
 * drafts, held comments and old addresses.
 */
export const ImportSources: CollectionConfig = {
  slug: 'import-sources',
  labels: { singular: 'Import source', plural: 'Import sources' },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['kind', 'sourceId', 'target', 'documentId', 'updatedAt'],
    hidden: ({ user }) => !isAdminUser(user),
  },
  // Written only by the importer (with overrideAccess): a row made or changed by hand would point a
  // later run at the wrong document. Admins read them, and may delete one to make a run forget it.
  access: { read: isAdmin, create: () => false, update: () => false, delete: isAdmin },
  // Not a reader's or an editor's business: kept out of the staff GraphQL schema too.
  graphQL: false,
  endpoints: [importUploadEndpoint, importStatusEndpoint],
  fields: [
    // `{site}|{kind}|{WordPress id}`: what a run looks up.
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'site', type: 'text', required: true, index: true },
    { name: 'kind', type: 'text', required: true },
    { name: 'sourceId', type: 'text', required: true },
    { name: 'target', type: 'text', required: true, admin: { description: 'The Byline collection.' } },
    { name: 'documentId', type: 'text', required: true },
    { name: 'checksum', type: 'text' },
  ],
}
