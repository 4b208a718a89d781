import 'server-only'

import type { Article } from '@/payload-types'
import type { ImageRef } from '../media'
import type { AuthorDoc, CastDoc } from '../references'

import { imageRef } from '../media'
import { authorHref, castHref } from '../urls'

export type CategoryRef = { id: string; name: string; slug: string }
export type AuthorRef = { id: string; name: string; slug: string; href: string; bio: string | null; avatar: ImageRef | null }
export type CastRef = { id: string; name: string; slug: string; href: string; character: string | null; photo: ImageRef | null }
type TagRef = { id: string; name: string; slug: string; href: string }

export type ArticleSummary = {
  id: string
  title: string
  slug: string
  href: string
  excerpt: string | null
  publishedAt: string | null
  category: CategoryRef | null
  authors: { id: string; name: string; href: string }[]
  image: ImageRef | null
}

export type ArticleView = Omit<ArticleSummary, 'authors' | 'category' | 'image'> & {
  category: CategoryRef
  authors: AuthorRef[]
  cast: CastRef[]
  tags: TagRef[]
  hero: ImageRef | null
  ogImage: ImageRef | null
  /** The editor's search and sharing overrides (the SEO plugin's `meta` group), when set. */
  seo: { title: string | null; description: string | null }
  content: Article['content']
  updatedAt: string
  commentsOpen: boolean
  wordCount: number
  readingMinutes: number
}

export const authorRef = (author: AuthorDoc): AuthorRef => ({
  id: author.id,
  name: author.name,
  slug: author.slug,
  href: authorHref(author.slug),
  bio: author.bio ?? null,
  avatar: imageRef(author.avatar, 'thumbnail'),
})

export const castRef = (member: CastDoc): CastRef => ({
  id: member.id,
  name: member.name,
  slug: member.slug,
  href: castHref(member.slug),
  character: member.character ?? null,
  photo: imageRef(member.photo, 'thumbnail'),
})

export type Page<T> = { docs: T[]; page: number; totalPages: number; totalDocs: number }
