import { foldWord, stem, termWords, WORD } from './terms'

/** A run of text, marked when it is a word the search matched. Rendered as text (React escapes it), a mark as <mark>. */
export type TextPart = { text: string; mark: boolean }

const matcher = (terms: string[]) => {
  const words = termWords(terms)
  const wanted = new Set([...words, ...words.map(stem)])
  return (word: string) => wanted.has(stem(word)) || wanted.has(foldWord(word))
}

/**
 * The text cut into parts, each word the query matched (by its folded form or its stem) marked.
 * Plain data, not HTML: nothing here is ever injected as markup, so a title holding "<script>"
 * stays text.
 */
export function highlight(text: string, terms: string[]): TextPart[] {
  const matches = matcher(terms)
  const parts: TextPart[] = []
  let last = 0
  for (const found of text.matchAll(WORD)) {
    if (!matches(found[0])) continue
    const start = found.index ?? 0
    if (start > last) parts.push({ text: text.slice(last, start), mark: false })
    parts.push({ text: found[0], mark: true })
    last = start + found[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last), mark: false })
  return parts
}

/** How much body text a result shows around its first match. */
export const SNIPPET_LENGTH = 180

/**
 * A stretch of the body around its first matched word, cut at word boundaries, with an ellipsis
 * where it was cut; null when the body has no match (the title or excerpt matched instead).
 */
export function snippet(text: string, terms: string[], length = SNIPPET_LENGTH): TextPart[] | null {
  const matches = matcher(terms)
  const first = [...text.matchAll(WORD)].find((found) => matches(found[0]))
  if (!first) return null
  const at = first.index ?? 0
  let start = Math.max(0, at - Math.floor(length / 3))
  let end = Math.min(text.length, start + length)
  // Move the edges back to whitespace, so no word is cut in half.
  if (start > 0) {
    const space = text.indexOf(' ', start)
    start = space === -1 || space >= at ? start : space + 1
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    end = space > at ? space : end
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim()
  return highlight(`${start > 0 ? '… ' : ''}${body}${end < text.length ? ' …' : ''}`, terms)
}
