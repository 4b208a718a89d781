import type { Payload, PayloadRequest } from 'payload'

/** Rows read per query: bounded memory on a newsroom of 100,000 articles with long bodies. */
const BATCH = 200

/** The collections whose `content` is the article editor (src/fields/articleEditor.ts). */
const COLLECTIONS = ['articles', 'pages'] as const

type Names = { from: string; to: string }

/**
 * The body with every Cast spotlight block's `from` field renamed to `to`, or null when it holds
 * none (so untouched rows are not written). Blocks keep their fields in the Lexical JSON itself, so
 * renaming a block field renames nothing stored until the bodies are rewritten.
 */
export function renameSpotlightField(content: unknown, { from, to }: Names): unknown {
  let changed = false
  const visit = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node
    let next = node as Record<string, unknown>
    const fields = next.fields as Record<string, unknown> | undefined
    if (next.type === 'block' && fields?.blockType === 'castSpotlight' && from in fields) {
      const { [from]: value, ...rest } = fields
      next = { ...next, fields: { ...rest, [to]: value } }
      changed = true
    }
    if (Array.isArray(next.children)) next = { ...next, children: next.children.map(visit) }
    return next
  }
  const root = (content as { root?: unknown } | null)?.root
  if (!root) return null
  const renamed = { ...(content as object), root: visit(root) }
  return changed ? renamed : null
}

/**
 * Renames the Cast spotlight block's field in every article and page body, and in every version
 * of them, so a restored old version keeps its cast. `cast` became `castMembers` because the
 * article's own `cast` field rendered the same element id in the editor (#11 item 5). Through the
 * adapter, as backfillArticleSearchText: no hooks, no new versions, no revalidation, inside the
 * migration's transaction, and nothing adapter-specific.
 */
export async function renameCastSpotlightField({ payload, req, from, to }: { payload: Payload; req: PayloadRequest } & Names) {
  for (const collection of COLLECTIONS) {
    for (let page = 1; ; page += 1) {
      const { docs, hasNextPage } = await payload.db.find<{ id: string; content?: unknown }>({ collection, limit: BATCH, page, sort: 'id', select: { content: true }, req })
      for (const doc of docs) {
        const content = renameSpotlightField(doc.content, { from, to })
        if (content) await payload.db.updateOne({ collection, id: doc.id, data: { content }, req, returning: false })
      }
      if (!hasNextPage) break
    }
    for (let page = 1; ; page += 1) {
      const { docs, hasNextPage } = await payload.db.findVersions<{ content?: unknown }>({ collection, limit: BATCH, page, sort: 'id', select: { version: { content: true } }, req })
      for (const doc of docs) {
        const content = renameSpotlightField(doc.version.content, { from, to })
        if (content) await payload.db.updateVersion({ collection, id: doc.id, versionData: { version: { content } }, req, returning: false })
      }
      if (!hasNextPage) break
    }
  }
}
