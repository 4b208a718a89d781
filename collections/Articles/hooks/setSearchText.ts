import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

import { articleSearchText } from '@/articles/searchText'

/**
 * Keeps the stored search text in step with the title, excerpt and body on every save, drafts
 * and autosaves included: their versions carry it, so publishing a draft publishes its text. An
 * update sends only what changed; the rest comes from the document as it was (its latest draft).
 */
export const setSearchText: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const current = <K extends 'content' | 'excerpt' | 'title'>(key: K) => (data[key] !== undefined ? data[key] : originalDoc?.[key])
  return { ...data, searchText: articleSearchText({ title: current('title'), excerpt: current('excerpt'), content: current('content') }) }
}
