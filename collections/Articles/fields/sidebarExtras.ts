import type { UIField } from 'payload'

/** Word count and reading time beside the editor, live as the body changes (src/admin/editorStats). */
export const editorStatsField: UIField = {
  name: 'editorStats',
  type: 'ui',
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '@/admin/editorStats/EditorStats.client#EditorStats' },
  },
}

/** A list column only: the approved comments under each article (src/admin/commentCount). */
export const commentCountField: UIField = {
  name: 'commentCount',
  type: 'ui',
  label: 'Comments',
  admin: {
    components: { Cell: '@/admin/commentCount/CommentCountCell#CommentCountCell' },
  },
}

/** "Copy preview link": a signed link to the draft in the real article page (src/admin/preview). */
export const previewLinkField: UIField = {
  name: 'previewLink',
  type: 'ui',
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: '@/admin/preview/CopyPreviewLink.client#CopyPreviewLink' },
  },
}
