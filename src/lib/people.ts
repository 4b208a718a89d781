import 'server-only'

import { cache } from 'react'

import type { AuthorRef, CastRef } from './articles/types'

import { getArticlesByAuthor, getArticlesFeaturingCast } from './articles/listings'
import { authorRef, castRef } from './articles/types'
import { findOneBySlug } from './findDocuments'
import { getPayloadClient } from './payload'
import { getMedia } from './references'
import { relationId } from './relationId'
import { authorHref, castHref } from './urls'
import { tag } from '@/cache/tags'
import { tagPage } from '@/cache/tagPage'

/** An author's page: the byline box data and their published articles. */
export const getAuthor = ({ slug }: { slug: string }) => findAuthor(slug)

// Cached per request by slug: the page and its metadata share one lookup.
const findAuthor = cache(async (slug: string) => {
  // Cached under the slug whatever the answer: an author given this slug later replaces a 404.
  await tagPage([tag.authorUrl(slug), tag.media])
  const doc = await findOneBySlug({ collection: 'authors', slug, overrideAccess: false, select: { name: true, slug: true, bio: true, avatar: true, links: true } })
  if (!doc) return null
  const avatarId = relationId(doc.avatar)
  const avatar = avatarId ? ((await getMedia([avatarId])).get(avatarId) ?? null) : null
  const author: AuthorRef & { website: string | null } = {
    ...authorRef({ ...doc, avatar }),
    website: doc.links?.website ?? null,
  }
  const articles = await getArticlesByAuthor({ authorId: doc.id })
  await tagPage([tag.author(doc.id)])
  return { author, articles }
})

/**
 * A cast member's page and the published articles featuring them. Articles are queried directly
 * (not through the cast collection's join) so the public access rule, published only, applies
 * exactly as on every other listing.
 */
export const getCast = ({ slug }: { slug: string }) => findCast(slug)

const findCast = cache(async (slug: string) => {
  await tagPage([tag.castUrl(slug), tag.media])
  const doc = await findOneBySlug({ collection: 'cast', slug, overrideAccess: false, joins: false, select: { name: true, slug: true, character: true, bio: true, photo: true } })
  if (!doc) return null
  const photoId = relationId(doc.photo)
  const photo = photoId ? ((await getMedia([photoId])).get(photoId) ?? null) : null
  const member: CastRef & { bio: string | null } = { ...castRef({ ...doc, photo }), bio: doc.bio ?? null }
  const articles = await getArticlesFeaturingCast({ castId: doc.id })
  await tagPage([tag.cast(doc.id)])
  return { member, articles }
})

/** The URLs of every author and cast page, for the sitemap. */
export async function getPeopleUrls(): Promise<{ authors: string[]; cast: string[] }> {
  const payload = await getPayloadClient()
  const [authors, cast] = await Promise.all([
    payload.find({ collection: 'authors', overrideAccess: false, pagination: false, depth: 0, sort: 'name', select: { slug: true } }),
    payload.find({ collection: 'cast', overrideAccess: false, pagination: false, depth: 0, sort: 'name', joins: false, select: { slug: true } }),
  ])
  await tagPage([tag.sitemap])
  return { authors: authors.docs.map((doc) => authorHref(doc.slug)), cast: cast.docs.map((doc) => castHref(doc.slug)) }
}
