import type { DefaultServerCellComponentProps } from 'payload'

/**
 * The article list's comment column: the comments readers see (approved), counted per row. Cells
 * render on the server with the list, so this is one count query for each row on the page.
 */
export async function CommentCountCell({ payload, rowData }: DefaultServerCellComponentProps) {
  // Payload also renders a ui field's components with the edit form, where there is no row.
  if (!rowData?.id) return null
  const { totalDocs } = await payload.count({
    collection: 'comments',
    where: { and: [{ article: { equals: rowData.id } }, { status: { equals: 'approved' } }] },
    overrideAccess: true,
  })
  return <span className="comment-count">{totalDocs}</span>
}
