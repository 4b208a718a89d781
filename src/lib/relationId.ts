/**
 * The id of a relationship's value, however it was read: an id (a string on SQL and MongoDB
 * alike, a number where an adapter has numeric ids), or the related document itself (depth > 0,
 * or a hook's populated data). Null when nothing is related.
 */
export const relationId = (value: unknown): string | null => {
  if (typeof value === 'string' && value) return value
  if (typeof value === 'number') return String(value)
  if (value && typeof value === 'object' && 'id' in value) return relationId((value as { id: unknown }).id)
  return null
}

/** The ids of a hasMany relationship's value, in order, without the empty ones. */
export const relationIds = (value: unknown): string[] => (Array.isArray(value) ? value.map(relationId).filter((id): id is string => id !== null) : [])
