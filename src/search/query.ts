import { plainText } from '@/articles/plainText'

/** Longer queries are cut: nobody types more, and each word becomes a database condition. */
export const SEARCH_MAX_LENGTH = 100

/**
 * `?q=` as the text to search for: trimmed, inner whitespace collapsed, capped in length. A
 * repeated parameter uses the first; absent or blank is the empty string (the page's prompt state).
 */
export function parseSearchQuery(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX_LENGTH).trim()
}

/**
 * The SQL adapters put a `like` word between `%…%` as it is, and LIKE reads `%` and `_` as
 * wildcards (and PostgreSQL `\` as its escape), with no escape syntax common to SQLite and
 * PostgreSQL. Both the stored text and the query swap those characters for their full-width
 * forms, which LIKE takes literally, so "50%" finds "50%" and "a_b" never finds "axb".
 */
const LIKE_SPECIALS: Record<string, string> = { '%': '％', _: '＿', '\\': '＼' }

// Case, accents and typographic apostrophes should not decide whether a story is found.
// NFKD comes first: it would turn the full-width forms back into the specials.
const fold = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[%_\\]/g, (special) => LIKE_SPECIALS[special] ?? special)
    .toLowerCase()

/** The query's distinct words, folded as the stored search text is: each must occur in it. */
export const searchWords = (query: string) => [...new Set(fold(query).split(/\s+/).filter(Boolean))]

type Searchable = { title?: string | null; excerpt?: string | null; content?: { root: unknown } | null }

/**
 * What an article is searched by, stored with it (the `searchText` field): its title, excerpt
 * and body text, folded. The database then matches each query word with `like`, a contains test.
 */
export const articleSearchText = ({ title, excerpt, content }: Searchable) =>
  fold([title, excerpt, plainText(content)].filter(Boolean).join('\n'))
