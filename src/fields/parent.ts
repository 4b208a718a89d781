import type { CollectionSlug, RelationshipField, RelationshipFieldSingleValidation } from 'payload'

import { relationId } from '@/lib/relationId'

/** Levels walked up before giving up: deeper than any newsroom nests its sections or pages. */
const MAX_DEPTH = 20

/**
 * Walks up from the chosen parent; meeting the document itself means the change would make a
 * loop (the document under itself, or under one of its own descendants).
 */
const refuseCycles =
  (collection: CollectionSlug, message: string): RelationshipFieldSingleValidation =>
  async (value, { id, req }) => {
    if (!value || !id) return true
    let cursor: unknown = value
    for (let depth = 0; cursor && depth < MAX_DEPTH; depth += 1) {
      const parentId = relationId(cursor)
      if (parentId === null) break
      if (parentId === String(id)) return message
      const parent = (await req.payload.findByID({ collection, id: parentId, depth: 0, req, disableErrors: true, overrideAccess: true })) as { parent?: unknown } | null
      cursor = parent?.parent
    }
    return true
  }

/**
 * A `parent` relationship to the same collection that refuses the document itself and its
 * descendants; `alsoValidate` adds the collection's own rules, run once there is no cycle.
 */
export function parentField({
  collection,
  message,
  description,
  alsoValidate,
}: {
  collection: CollectionSlug
  message: string
  description: string
  alsoValidate?: RelationshipFieldSingleValidation
}): RelationshipField {
  const noCycle = refuseCycles(collection, message)
  return {
    name: 'parent',
    type: 'relationship',
    relationTo: collection,
    // A parent is chosen, not made in passing: Payload's drawer would save an empty page at once (#11 item 3).
    admin: { position: 'sidebar', description, allowCreate: false },
    // Not offered as its own parent; the validation also refuses deeper cycles.
    filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    validate: async (value, options) => {
      const cycle = await noCycle(value, options)
      return cycle === true && alsoValidate ? alsoValidate(value, options) : cycle
    },
  }
}
