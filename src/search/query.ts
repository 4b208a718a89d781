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

/**
 * Case, accents and typographic apostrophes should not decide whether a story is found. The
 * query's words and an article's stored search text (`src/articles/searchText.ts`) are both folded
 * here, so they always match alike. NFKD comes first: it would turn the full-width forms back
 * into the specials.
 */
export const foldForSearch = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[%_\\]/g, (special) => LIKE_SPECIALS[special] ?? special)
    .toLowerCase()

/** The query's distinct words, folded as the stored search text is: each must occur in it. */
export const searchWords = (query: string) => [...new Set(foldForSearch(query).split(/\s+/).filter(Boolean))]
