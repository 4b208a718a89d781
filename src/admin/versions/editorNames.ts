import type { PayloadRequest } from 'payload'

import { relationId, relationIds } from '@/lib/relationId'

/** Shown for a version saved by no account (the seed, an import). */
const NOBODY = 'System'
/** Shown for a version whose account has been deleted since (SQLite keeps the id). */
const DELETED = 'Deleted account'

/**
 * The names of the accounts that saved versions, by id. Read as the system, and only the name:
 * whoever may read an article's versions may know which colleague made them, though writers and
 * contributors cannot read other accounts (collections/Users); emails and roles stay out.
 */
export async function editorNames({ req, ids }: { req: PayloadRequest; ids: unknown[] }): Promise<Map<string, string>> {
  const wanted = [...new Set(relationIds(ids))]
  if (wanted.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { id: { in: wanted } },
    select: { name: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((user) => [String(user.id), user.name]))
}

export const editorName = (names: Map<string, string>, value: unknown): string => {
  const id = relationId(value)
  if (!id) return NOBODY
  return names.get(id) ?? DELETED
}
