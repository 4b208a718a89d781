import type { CollectionConfig } from 'payload'

import { canReadMedia } from '@/access/canReadMedia'
import { canWriteArticles } from '@/access/canWriteArticles'
import { editorOrCreator } from '@/access/editorOrCreator'
import { isEditorOrAbove } from '@/access/isEditorOrAbove'
import { BYLINE_ONLY } from '@/access/roles'
import { createdByField } from '@/fields/createdBy'
import { readEnv } from '@/lib/env'
import { contentHashField, hashUpload } from '@/media/contentHash'
import { mediaSkipSafeFetch } from '@/media/storage'

export const Media: CollectionConfig = {
  slug: 'media',
  admin: {
    useAsTitle: 'alt',
    // The library's search box looks in these (issue #11, item 15). Captions belong to each use of
    // an image (the article's upload node), not to the upload, so they are not searched here.
    listSearchableFields: ['alt', 'filename', 'credit'],
    // A thumbnail grid in place of the table (src/admin/media/MediaListView.tsx).
    components: { views: { list: { Component: '@/admin/media/MediaListView#MediaListView' } } },
  },
  access: {
    // Public pages' images only, for readers (src/access/canReadMedia.ts); files stay readable.
    read: canReadMedia,
    create: canWriteArticles,
    update: editorOrCreator(...BYLINE_ONLY),
    delete: isEditorOrAbove,
  },
  // The SHA-256 of each file as it arrives, for the duplicate notice (src/media/contentHash.ts).
  hooks: { beforeOperation: [hashUpload] },
  upload: {
    staticDir: readEnv().mediaDir,
    // A crop or focal-point change fetches the original from the site's own file route, on a
    // loopback or private address behind a proxy, which Payload's SSRF guard refuses otherwise.
    skipSafeFetch: mediaSkipSafeFetch(readEnv().serverURL),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'],
    focalPoint: true,
    // Sizes follow the reader site's layout: cards, the article column, full-bleed heroes, social previews.
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 320, position: 'centre' },
      { name: 'card', width: 640 },
      { name: 'column', width: 960 },
      { name: 'hero', width: 1600 },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
    adminThumbnail: 'thumbnail',
    formatOptions: { format: 'webp', options: { quality: 82 } },
  },
  fields: [
    // A warning above the form when the same file was uploaded before (src/media/contentHash.ts):
    // as soon as a file is chosen, and on the saved copy's page.
    { name: 'duplicateCheck', type: 'ui', admin: { disableListColumn: true, components: { Field: '@/admin/media/DuplicateCheck.client#DuplicateCheck' } } },
    { name: 'duplicateNotice', type: 'ui', admin: { disableListColumn: true, components: { Field: '@/admin/media/DuplicateNotice#DuplicateNotice' } } },
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
      admin: { description: 'Describe the image for readers who cannot see it.' },
    },
    { name: 'credit', type: 'text', maxLength: 200 },
    createdByField(),
    contentHashField,
    // The articles, pages, authors and cast members that show this image (src/media/usage.ts).
    {
      name: 'usage',
      type: 'ui',
      admin: { position: 'sidebar', disableListColumn: true, components: { Field: '@/admin/media/MediaUsage#MediaUsage' } },
    },
  ],
}
