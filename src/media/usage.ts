import type { CollectionBeforeChangeHook, FieldAccess, PayloadRequest, RelationshipField } from 'payload'

import { isStaff } from '@/access/isStaff'
import { relationId } from '@/lib/relationId'
import { collectReferences } from '@/lib/richTextReferences'

/**
 * Where each image is used (issue #11, item 15). Articles and pages keep the ids of the images
 * they show in `mediaUsed`, a hidden relationship written on every save by `recordMediaUsed`:
 * the hero, the sharing image and every upload node or block image in the body. A relationship
 * is stored as indexed rows (`*_rels.media_id`), so "what uses image X" is one indexed query per
 * collection, where reading every article's Lexical JSON would grow with the site. Drafts keep
 * theirs in the version rows, so an image placed only in an unpublished draft is found too.
 * Authors' avatars and cast photos are single upload columns, already indexed: queried directly.
 */

/** The newsroom's, like the review state: a reader never learns which drafts use an image. */
const serverOnly: FieldAccess = () => false

export const mediaUsedField: RelationshipField = {
  name: 'mediaUsed',
  type: 'relationship',
  relationTo: 'media',
  hasMany: true,
  access: { read: isStaff, create: serverOnly, update: serverOnly },
  admin: { hidden: true, disableListColumn: true, disableListFilter: true },
}

type Sources = { heroImage?: unknown; meta?: { image?: unknown } | null; content?: unknown }

/** The images a document shows: its hero, its sharing image and those in its body, each once. */
export function mediaUsedBy({ heroImage, meta, content }: Sources): string[] {
  const ids = new Set<string>()
  for (const value of [heroImage, meta?.image]) {
    const id = relationId(value)
    if (id) ids.add(id)
  }
  for (const id of collectReferences(content).media) ids.add(id)
  return [...ids]
}

/**
 * Writes `mediaUsed` from the document as it will be saved. An update carries only what changed,
 * so each source falls back to the stored document (for a draft, its latest version).
 */
export const recordMediaUsed: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(data, key)
  const meta = data.meta && typeof data.meta === 'object' && 'image' in data.meta ? data.meta : originalDoc?.meta
  data.mediaUsed = mediaUsedBy({
    heroImage: has('heroImage') ? data.heroImage : originalDoc?.heroImage,
    meta,
    content: has('content') ? data.content : originalDoc?.content,
  })
  return data
}

type UsagePlace = 'hero' | 'sharing image' | 'body' | 'avatar' | 'photo'
export type MediaUse = { collection: 'articles' | 'pages' | 'authors' | 'cast'; id: string; title: string; status: string | null; places: UsagePlace[] }

/** Enough for any page of the edit view; an image used more often says "and more". */
const LIMIT = 50

/**
 * Everything that uses an image, for the staff on its edit page. Articles and pages are read twice,
 * as published (the main rows) and as their latest draft (the version rows), and merged: an image
 * taken out of a draft is still on the published page until that draft is published.
 * Read with the viewer's access: a contributor is not told the titles of others' drafts.
 */
export async function findMediaUsage({ req, id }: { req: PayloadRequest; id: string }): Promise<{ uses: MediaUse[]; more: boolean }> {
  const { payload } = req
  const asViewer = { req, user: req.user, depth: 0, limit: LIMIT, overrideAccess: false } as const
  const uses = new Map<string, MediaUse>()
  let more = false
  const add = (use: MediaUse) => {
    const key = `${use.collection}:${use.id}`
    const known = uses.get(key)
    if (!known) return void uses.set(key, use)
    known.places = [...new Set([...known.places, ...use.places])]
  }
  for (const collection of ['articles', 'pages'] as const) {
    for (const draft of [false, true]) {
      const { docs } = await payload.find({
        ...asViewer,
        collection,
        draft,
        where: { mediaUsed: { equals: id } },
        select: collection === 'articles'
          ? { title: true, _status: true, heroImage: true, meta: { image: true }, content: true }
          : { title: true, _status: true, meta: { image: true }, content: true },
      })
      if (docs.length >= LIMIT) more = true
      for (const doc of docs) {
        const places: UsagePlace[] = []
        if ('heroImage' in doc && relationId(doc.heroImage) === id) places.push('hero')
        if (relationId(doc.meta?.image) === id) places.push('sharing image')
        if (collectReferences(doc.content).media.includes(id)) places.push('body')
        add({ collection, id: String(doc.id), title: doc.title, status: doc._status ?? null, places })
      }
    }
  }
  const authors = await payload.find({ ...asViewer, collection: 'authors', where: { avatar: { equals: id } }, select: { name: true } })
  for (const doc of authors.docs) add({ collection: 'authors', id: String(doc.id), title: doc.name, status: null, places: ['avatar'] })
  const cast = await payload.find({ ...asViewer, collection: 'cast', where: { photo: { equals: id } }, select: { name: true } })
  for (const doc of cast.docs) add({ collection: 'cast', id: String(doc.id), title: doc.name, status: null, places: ['photo'] })
  if (authors.docs.length >= LIMIT || cast.docs.length >= LIMIT) more = true
  return { uses: [...uses.values()], more }
}
