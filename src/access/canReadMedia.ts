import type { Access, Payload, Where } from 'payload'

import { PUBLIC_ARTICLES } from '@/access/canReadArticle'
import { remember } from '@/cache/records'
import { tag } from '@/cache/tags'
import { collectReferences } from '@/lib/richTextReferences'

import { WRITERS, hasRole } from './roles'
import { relationId } from '@/lib/relationId'

/** The images public pages show, and the rest. */
type MediaVisibility = { publicIds: ReadonlySet<string>; privateIds: ReadonlySet<string> }

/** Rows read per query while listing what public pages show: bounded memory on a large site. */
const PAGE = 500

/** Every document a paged query returns, a page at a time. */
async function* everyDoc<T>(read: (page: number) => Promise<{ docs: T[]; hasNextPage: boolean }>): AsyncGenerator<T> {
  for (let page = 1; ; page += 1) {
    const result = await read(page)
    yield* result.docs
    if (!result.hasNextPage) return
  }
}

/**
 * Which images public pages show: a published article's hero, sharing image or body images, an
 * author's avatar, a cast member's photo. Everything else (an upload for a draft, one not used
 * yet) is the newsroom's. Remembered until a public change: every publish, unpublish or edit of a
 * published article, and every author or cast change, expires `tag.sitemap`; an upload or media
 * edit expires `tag.media`. A draft's save expires neither, and needs not: it makes nothing public.
 */
function mediaVisibility(payload: Payload): Promise<MediaVisibility> {
  return remember({
    key: 'media-visibility',
    tags: [tag.sitemap, tag.media],
    load: async () => {
      const publicIds = new Set<string>()
      const add = (value: unknown) => {
        const id = relationId(value)
        if (id) publicIds.add(id)
      }
      const system = { depth: 0, limit: PAGE, sort: 'id', overrideAccess: true } as const
      const articles = everyDoc((page) =>
        payload.find({ ...system, page, collection: 'articles', where: PUBLIC_ARTICLES, select: { heroImage: true, meta: { image: true }, content: true } }),
      )
      for await (const article of articles) {
        add(article.heroImage)
        add(article.meta?.image)
        for (const id of collectReferences(article.content).media) add(id)
      }
      for await (const author of everyDoc((page) => payload.find({ ...system, page, collection: 'authors', select: { avatar: true } }))) add(author.avatar)
      for await (const member of everyDoc((page) => payload.find({ ...system, page, collection: 'cast', select: { photo: true } }))) add(member.photo)
      const privateIds = new Set<string>()
      for await (const media of everyDoc((page) => payload.find({ ...system, page, collection: 'media', select: {} }))) {
        const id = relationId(media.id)
        if (id && !publicIds.has(id)) privateIds.add(id)
      }
      return { publicIds, privateIds }
    },
  })
}

/** The public images as a filter, by whichever list is shorter: a where clause carries every id as a query parameter. */
function publicWhere({ publicIds, privateIds }: MediaVisibility): Where | true {
  if (privateIds.size === 0) return true
  if (publicIds.size === 0) return { id: { exists: false } }
  return privateIds.size <= publicIds.size ? { id: { not_in: [...privateIds] } } : { id: { in: [...publicIds] } }
}

/**
 * The newsroom reads every image. Contributors read what the public reads and their own uploads,
 * as with articles; everyone else (readers, moderators) only the images public pages show, so a
 * draft's image does not give away its title in its alt text or file name over REST or GraphQL.
 *
 * The files themselves stay readable by anyone: next/image fetches them for reader pages and
 * staff previews alike without the reader's cookies, and a file name is listed nowhere public.
 */
export const canReadMedia: Access = async ({ req, isReadingStaticFile }) => {
  if (isReadingStaticFile) return true
  const { user, payload } = req
  if (hasRole(user, ...WRITERS)) return true
  const onlyPublic = publicWhere(await mediaVisibility(payload))
  if (user && hasRole(user, 'contributor')) return onlyPublic === true ? true : { or: [onlyPublic, { createdBy: { equals: user.id } }] }
  return onlyPublic
}
