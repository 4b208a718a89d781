import type { Block, Field } from 'payload'

import { CastSpotlight } from '@/blocks/CastSpotlight/config'
import { PullQuote } from '@/blocks/PullQuote/config'
import { VideoEmbed } from '@/blocks/VideoEmbed/config'
import { relationId } from '@/lib/relationId'

/**
 * The documents an article body refers to, and the body with those references filled in: what
 * Payload's population does for a rich-text field, as one lookup per collection for the whole
 * body. Covers what the article editor (src/fields/articleEditor.ts) can insert: uploads, internal
 * links, and the relationship fields of its blocks, read from the block configs themselves so a
 * new block's relations are filled in without a change here.
 */

type ReferenceCollection = 'articles' | 'authors' | 'cast' | 'media'
type ReferenceIds = Record<ReferenceCollection, string[]>
type ReferenceLookup = Record<ReferenceCollection, ReadonlyMap<string, unknown>>

type Node = { type?: unknown; children?: unknown; [key: string]: unknown }

const COLLECTIONS = new Set<string>(['articles', 'authors', 'cast', 'media'])
const isCollection = (value: unknown): value is ReferenceCollection => typeof value === 'string' && COLLECTIONS.has(value)

/** Per block type, its top-level fields that hold ids of one collection. */
const blockRelations = new Map(
  [CastSpotlight, PullQuote, VideoEmbed].map((block: Block) => [
    block.slug,
    block.fields.flatMap((field: Field) =>
      (field.type === 'relationship' || field.type === 'upload') && 'name' in field && isCollection(field.relationTo)
        ? [{ name: field.name, collection: field.relationTo }]
        : [],
    ),
  ]),
)

/** A stored id only: a value already populated is left as it is (fillReferences keeps it, collectReferences skips it). */
const idOf = (value: unknown): string | null => (typeof value === 'object' ? null : relationId(value))

/** Calls `visit` with every reference in the tree: where it sits, its collection and id. */
function eachReference(node: unknown, visit: (ref: { collection: ReferenceCollection; id: string }) => void) {
  if (!node || typeof node !== 'object') return
  const n = node as Node
  if (n.type === 'upload' && isCollection(n.relationTo)) {
    const id = idOf(n.value)
    if (id) visit({ collection: n.relationTo, id })
  }
  if (n.type === 'link' || n.type === 'autolink') {
    const doc = (n.fields as { doc?: { relationTo?: unknown; value?: unknown } } | undefined)?.doc
    const id = idOf(doc?.value)
    if (doc && isCollection(doc.relationTo) && id) visit({ collection: doc.relationTo, id })
  }
  if (n.type === 'block') {
    const fields = (n.fields ?? {}) as Record<string, unknown>
    for (const { name, collection } of blockRelations.get(String(fields.blockType)) ?? []) {
      const value = fields[name]
      for (const item of Array.isArray(value) ? value : [value]) {
        const id = idOf(item)
        if (id) visit({ collection, id })
      }
    }
  }
  if (Array.isArray(n.children)) for (const child of n.children) eachReference(child, visit)
}

/** The ids a rich-text body refers to, per collection, each once. */
export function collectReferences(content: unknown): ReferenceIds {
  const found: Record<ReferenceCollection, Set<string>> = { articles: new Set(), authors: new Set(), cast: new Set(), media: new Set() }
  eachReference((content as { root?: unknown } | null)?.root, ({ collection, id }) => found[collection].add(id))
  return { articles: [...found.articles], authors: [...found.authors], cast: [...found.cast], media: [...found.media] }
}

/**
 * A copy of the body with every reference the lookup knows replaced by its document. A reference
 * it does not know (deleted, or not readable by the public: an unpublished article) stays an id,
 * as Payload leaves it, and the renderer shows a link to it as plain text.
 */
export function fillReferences<T>(content: T, lookup: ReferenceLookup): T {
  const find = (collection: ReferenceCollection, value: unknown) => {
    const id = idOf(value)
    return id === null ? value : (lookup[collection].get(id) ?? value)
  }
  const fill = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node
    const n = node as Node
    let out: Node = n
    if (n.type === 'upload' && isCollection(n.relationTo)) out = { ...out, value: find(n.relationTo, n.value) }
    if (n.type === 'link' || n.type === 'autolink') {
      const fields = n.fields as { doc?: { relationTo?: unknown; value?: unknown } } | undefined
      const doc = fields?.doc
      if (doc && isCollection(doc.relationTo)) out = { ...out, fields: { ...fields, doc: { ...doc, value: find(doc.relationTo, doc.value) } } }
    }
    if (n.type === 'block') {
      const fields = { ...((n.fields ?? {}) as Record<string, unknown>) }
      for (const { name, collection } of blockRelations.get(String(fields.blockType)) ?? []) {
        const value = fields[name]
        fields[name] = Array.isArray(value) ? value.map((item) => find(collection, item)) : find(collection, value)
      }
      out = { ...out, fields }
    }
    if (Array.isArray(n.children)) out = { ...out, children: n.children.map(fill) }
    return out
  }
  if (!content || typeof content !== 'object' || !('root' in content)) return content
  return { ...content, root: fill((content as { root: unknown }).root) } as T
}
