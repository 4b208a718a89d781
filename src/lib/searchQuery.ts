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

// Case, accents and typographic apostrophes should not decide whether a story is found.
const fold = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()

/** The query's distinct words, folded for matching. */
export const searchWords = (query: string) => [...new Set(fold(query).split(/\s+/).filter(Boolean))]

/** Whether the text contains every word, in any order: the rule Payload's `like` applies to title and excerpt. */
export function matchesAllWords(text: string, words: string[]): boolean {
  if (words.length === 0) return false
  const folded = fold(text)
  return words.every((word) => folded.includes(word))
}
