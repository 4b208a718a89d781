/**
 * For a field that is machinery, not content (the articles' search text): the compare view leaves
 * it out. Payload's diff lists every field the reader may read, `admin.hidden` included, and a
 * field's own Diff component is its documented way to change that row.
 */
export function NoDiff() {
  return null
}
