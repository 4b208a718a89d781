import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

/** The first publish stamps the date; later edits and republishes keep it. */
export const setPublishedAt: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  if (data._status !== 'published') return data
  if (data.publishedAt || originalDoc?.publishedAt) return data
  return { ...data, publishedAt: new Date().toISOString() }
}
