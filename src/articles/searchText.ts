import { plainText } from '@/articles/plainText'
import { foldForSearch } from '@/search/query'

type Searchable = { title?: string | null; excerpt?: string | null; content?: { root: unknown } | null }

/**
 * What an article is searched by, stored with it (the `searchText` field): its title, excerpt
 * and body text, folded as the reader's query is (`src/search/query.ts`). The database then
 * matches each query word with `like`, a contains test, and the full-text indexes read it as the body.
 */
export const articleSearchText = ({ title, excerpt, content }: Searchable) =>
  foldForSearch([title, excerpt, plainText(content)].filter(Boolean).join('\n'))
