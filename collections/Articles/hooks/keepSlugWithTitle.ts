import type { CollectionBeforeValidateHook } from 'payload'

import type { Article } from '@/payload-types'

import { slugify } from '@/lib/slugify'

/** A slug made from this title, or from its beginning while it was being typed. */
const madeFrom = (slug: string | null | undefined, title: string | null | undefined) => Boolean(slug && title && slugify(title).startsWith(slug))

/**
 * Autosave stores a draft every few seconds while the headline is being typed, and the slug field
 * fills itself from whatever title it first sees ("season-thr"). Until the article is first
 * published, a slug that was made from the title is made again from the new title; one the writer
 * typed by hand, or one that is already public, is never touched. A form can still hold the slug
 * of an earlier autosave when it saves, so that counts as made from the title too.
 */
export const keepSlugWithTitle: CollectionBeforeValidateHook<Article> = ({ data, originalDoc }) => {
  if (!data || !originalDoc || originalDoc.publishedAt) return data
  const title = data.title ?? originalDoc.title
  if (typeof title !== 'string' || title.trim() === '') return data
  const stored = originalDoc.slug
  const sent = data.slug
  const storedFollowsTitle = !stored || madeFrom(stored, originalDoc.title)
  const sentFollowsTitle = !sent || sent === stored || madeFrom(sent, originalDoc.title)
  return storedFollowsTitle && sentFollowsTitle ? { ...data, slug: slugify(title) } : data
}
