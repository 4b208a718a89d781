import 'server-only'

import type { Author, Cast, Media, Tag } from '@/payload-types'

import { rememberEach } from '@/cache/records'
import { tag } from '@/cache/tags'

import { findByIds } from './findDocuments'
import { relationId } from './relationId'

/**
 * The documents reader pages show beside their own: images, authors and cast members, each read
 * once by id for every page that needs them (src/cache/records.ts) instead of through Payload's
 * population, which ran a full read with every field hook for each related document of every
 * render. Reads pass overrideAccess: false, so the collections' own rules decide what the public
 * gets, as over REST; a document the public may not read comes back as missing.
 */

/** A stored rendition as imageRef reads it. Its url, type and size are computed or unused. */
const RENDITION = { filename: true, width: true, height: true } as const

const MEDIA_SELECT = {
  alt: true,
  credit: true,
  filename: true,
  width: true,
  height: true,
  sizes: { thumbnail: RENDITION, card: RENDITION, column: RENDITION, hero: RENDITION, og: RENDITION },
} as const

type MediaDoc = Pick<Media, 'alt' | 'credit' | 'filename' | 'height' | 'id' | 'sizes' | 'width'>
/** An author as reader pages show them; the avatar is an id where it was not looked up (imageRef skips it). */
export type AuthorDoc = Pick<Author, 'bio' | 'id' | 'name' | 'slug'> & { avatar?: MediaDoc | string | null }
export type CastDoc = Pick<Cast, 'character' | 'id' | 'name' | 'slug'> & { photo?: MediaDoc | string | null }

/** The id of a relation, populated or not. */
const byId = <T extends { id: string }>(docs: T[]) => new Map(docs.map((doc) => [String(doc.id), doc]))

/** Images by id. Alt text and renditions rarely change, so one tag covers every image (tag.media). */
export function getMedia(ids: readonly (string | null | undefined)[]): Promise<Map<string, MediaDoc | null>> {
  return rememberEach<MediaDoc>({
    ids: ids.filter((id): id is string => typeof id === 'string' && id !== ''),
    key: (id) => `media:${id}`,
    tags: () => [tag.media],
    loadMissing: async (missing) => {
      const docs = await findByIds({
        collection: 'media',
        ids: missing,
        // The page may show an image because the document that shows it (a published article, a
        // staff preview's draft, a profile) was read under its own rules; the media rule is for the API.
        overrideAccess: true,
        select: MEDIA_SELECT,
      })
      return byId(docs)
    },
  })
}

/** Authors by id, with their avatars. */
export function getAuthors(ids: readonly string[]): Promise<Map<string, AuthorDoc | null>> {
  return rememberEach<AuthorDoc>({
    ids,
    key: (id) => `authors:${id}`,
    tags: (id) => [tag.author(id), tag.media],
    loadMissing: async (missing) => {
      const docs = await findByIds({ collection: 'authors', ids: missing, overrideAccess: false, select: { name: true, slug: true, bio: true, avatar: true } })
      const avatars = await getMedia(docs.map((doc) => relationId(doc.avatar)))
      return byId(docs.map((doc) => ({ id: doc.id, name: doc.name, slug: doc.slug, bio: doc.bio, avatar: avatars.get(relationId(doc.avatar) ?? '') ?? null })))
    },
  })
}

/** Cast members by id, with their photos. */
export function getCastMembers(ids: readonly string[]): Promise<Map<string, CastDoc | null>> {
  return rememberEach<CastDoc>({
    ids,
    key: (id) => `cast:${id}`,
    tags: (id) => [tag.cast(id), tag.media],
    loadMissing: async (missing) => {
      const docs = await findByIds({ collection: 'cast', ids: missing, overrideAccess: false, joins: false, select: { name: true, slug: true, character: true, photo: true } })
      const photos = await getMedia(docs.map((doc) => relationId(doc.photo)))
      return byId(
        docs.map((doc) => ({ id: doc.id, name: doc.name, slug: doc.slug, character: doc.character, photo: photos.get(relationId(doc.photo) ?? '') ?? null })),
      )
    },
  })
}

type TagDoc = Pick<Tag, 'description' | 'id' | 'name' | 'slug'>

/** Tags by id: their names on article pages, each kept until that tag changes. */
export function getTags(ids: readonly string[]): Promise<Map<string, TagDoc | null>> {
  return rememberEach<TagDoc>({
    ids,
    key: (id) => `tags:${id}`,
    tags: (id) => [tag.articleTag(id)],
    loadMissing: async (missing) => {
      const docs = await findByIds({ collection: 'tags', ids: missing, overrideAccess: false, select: { name: true, slug: true, description: true } })
      return byId(docs)
    },
  })
}
