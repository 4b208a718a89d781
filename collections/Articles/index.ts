import type { CollectionConfig } from 'payload'

import { canCreateArticle } from '@/access/canCreateArticle'
import { canDeleteArticle } from '@/access/canDeleteArticle'
import { canReadArticle } from '@/access/canReadArticle'
import { canReadArticleVersions } from '@/access/canReadArticleVersions'
import { canUpdateArticle } from '@/access/canUpdateArticle'
import { isEditorOrAboveField } from '@/access/isEditorOrAbove'
import { draftedDocument } from '@/admin/draftedDocument'
import { inNewsroomZone } from '@/admin/timeZones'
import { ownAuthorIds } from '@/access/ownership'
import { articleEditor } from '@/fields/articleEditor'
import { lastEditedByField } from '@/fields/lastEditedBy'
import { richTextLinkHooks } from '@/fields/linkUrl'
import { slugField } from '@/fields/slug'
import { mediaUsedField, recordMediaUsed } from '@/media/usage'

import { reviewField, reviewNoteBanner } from './fields/review'
import { commentCountField, editorStatsField, previewLinkField } from './fields/sidebarExtras'
import { announceReviewOutcome } from './hooks/announceReviewOutcome'
import { applyReviewRules } from './hooks/applyReviewRules'
import { explainPublishRefusal } from './hooks/explainPublishRefusal'
import { keepSlugWithTitle } from './hooks/keepSlugWithTitle'
import { redirectOldUrl } from './hooks/redirectOldUrl'
import { sendReviewNotices } from './hooks/sendReviewNotices'
import { setPublishedAt } from './hooks/setPublishedAt'
import { setSearchText } from './hooks/setSearchText'
import { articleLivePreview, articlePreviewUrl, previewLinkEndpoint } from './preview'

// Publish (or unpublish) at a chosen time, run by the jobs queue (src/jobs).
const drafts = draftedDocument({ collection: 'articles', schedulePublish: true })

export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', '_status', 'authors', 'category', 'publishedAt', 'commentCount'],
    components: {
      // Publish for those who may; "Submit for review" for contributors.
      edit: { PublishButton: '@/admin/review/PublishOrSubmit.client#PublishOrSubmit' },
      // "My articles / All articles"; writers and contributors start with their own.
      beforeListTable: ['@/admin/myArticles/ArticleScope#ArticleScope', drafts.emptyDraftsNotice],
      views: drafts.editViews,
    },
    livePreview: articleLivePreview,
    preview: articlePreviewUrl,
  },
  endpoints: [previewLinkEndpoint, ...drafts.endpoints],
  access: {
    read: canReadArticle,
    readVersions: canReadArticleVersions,
    create: canCreateArticle,
    update: canUpdateArticle,
    delete: canDeleteArticle,
  },
  versions: drafts.versions,
  // Reader listings: the newest published articles, site-wide and per category, with their
  // counts. Without these SQLite reads every published article and sorts them to show ten.
  // The home page's lead is the newest featured article, found through the third.
  indexes: [{ fields: ['_status', 'publishedAt'] }, { fields: ['category', '_status', 'publishedAt'] }, { fields: ['featured', '_status', 'publishedAt'] }],
  hooks: {
    beforeOperation: [explainPublishRefusal],
    beforeValidate: [keepSlugWithTitle],
    beforeChange: [setPublishedAt, applyReviewRules, setSearchText, recordMediaUsed],
    afterChange: [redirectOldUrl, sendReviewNotices],
    afterOperation: [announceReviewOutcome],
  },
  fields: [
    reviewNoteBanner,
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField({ from: 'title' }),
    {
      name: 'excerpt',
      type: 'textarea',
      maxLength: 400,
      admin: { description: 'One or two sentences for listings, feeds and search results.' },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    // Links are checked on every save, drafts and autosaves included (src/fields/safeLinks.ts).
    { name: 'content', type: 'richText', editor: articleEditor, hooks: { beforeValidate: richTextLinkHooks } },
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
      // A new article starts under the byline of whoever creates it, so it is theirs from the first autosave.
      defaultValue: ({ req }) => ownAuthorIds({ req }),
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
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      admin: { position: 'sidebar', description: 'Keywords across sections: each tag has its page at /tag/{slug}.' },
    },
    {
      name: 'featured',
      type: 'checkbox',
      defaultValue: false,
      // Where an article stands on the site is the editors' call.
      access: { create: isEditorOrAboveField, update: isEditorOrAboveField },
      admin: { position: 'sidebar', description: 'The home page leads with the newest featured article.' },
    },
    {
      name: 'pinned',
      type: 'checkbox',
      defaultValue: false,
      access: { create: isEditorOrAboveField, update: isEditorOrAboveField },
      admin: { position: 'sidebar', description: 'Kept at the top of its category listing.' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      // Shown and typed in the newsroom's time zone, as the Schedule drawer is (src/admin/timeZones.ts).
      timezone: { override: inNewsroomZone },
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
    reviewField,
    editorStatsField,
    previewLinkField,
    commentCountField,
    lastEditedByField(),
    {
      // Title, excerpt and body text, folded for matching: the body the full-text indexes read
      // (src/search), and what the `like` fallback runs on.
      // setSearchText overwrites it on every save, so nothing typed into it is kept. It stays
      // readable under the collection's access (the public can query it, and sees it only on
      // published articles, whose text it repeats); a hidden field could not be queried by them.
      name: 'searchText',
      type: 'textarea',
      // Kept out of the compare view too: it repeats the title, excerpt and body word for word.
      admin: { hidden: true, components: { Diff: '@/admin/versions/NoDiff#NoDiff' } },
    },
    // The images this article shows, for the media library's "Used in" (src/media/usage.ts).
    mediaUsedField,
  ],
}
