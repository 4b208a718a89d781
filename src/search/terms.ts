/**
 * A reader's query as the search engines take it: folded words, bounded. Pure functions, shared
 * by every engine, the highlighter and the unit tests.
 */

/** Past this many distinct words the rest of a query is ignored: each word is a condition for the database. */
export const SEARCH_MAX_WORDS = 8
/** A longer term is not a word anyone searches for; it is cut. */
export const SEARCH_MAX_WORD_LENGTH = 40

// Case, accents and typographic apostrophes should not decide whether a story is found.
export const foldWord = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()

/** Runs of letters and digits: what every engine's tokenizer calls a word (FTS5 unicode61, PostgreSQL's parser). */
export const WORD = /[\p{L}\p{N}]+/gu

/**
 * The query's distinct terms, folded, at most SEARCH_MAX_WORDS of them: what the reader typed
 * between spaces, each holding at least one letter or digit. The engines split a term on its
 * punctuation as they split the indexed text, and read it as a phrase: "see-saw" finds "See-Saw"
 * and not "saw … see", "snake_case" finds "snake_case", "50%" finds "50%" and not "500". A query
 * of punctuation alone has no terms (the search then finds nothing, rather than everything).
 */
export function searchTerms(query: string): string[] {
  const terms = foldWord(query)
    .split(/\s+/)
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .map((term) => term.slice(0, SEARCH_MAX_WORD_LENGTH))
  return [...new Set(terms)].slice(0, SEARCH_MAX_WORDS)
}

/** The words inside the terms, for highlighting. */
export const termWords = (terms: string[]) => terms.flatMap((term) => term.match(WORD) ?? [])

/**
 * A light English suffix stripper, for highlighting only (the databases stem with their own:
 * FTS5's porter tokenizer, PostgreSQL's english dictionary, MongoDB's snowball): "running",
 * "runs" and "run" all come to "run", so the words a search matched by their stem are marked too.
 * It does not need to agree with the engines word for word: a missed mark costs nothing, and
 * an extra one only marks a word of the same family. Our own because no stemmer ships with the
 * project, and the porter algorithm in full is more than marking words needs.
 */
export function stem(word: string): string {
  let w = foldWord(word).replace(/'s$/, '')
  if (w.length <= 3) return w
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'es', 's', 'ly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && !(suffix === 's' && w.endsWith('ss'))) {
      w = w.slice(0, -suffix.length)
      break
    }
  }
  // "runn" (from running) and "stopp" (from stopped) lose the doubled consonant, as porter does.
  if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1)
  // "hopes" and "hoping" meet at "hop"; "hope" as typed comes there too.
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1)
  return w
}
