/** Words per minute for an adult reading news prose on screen (a common, conservative figure). */
const WORDS_PER_MINUTE = 220

type LexicalLike = { type?: unknown; text?: unknown; children?: unknown; fields?: unknown }

/** Every word a reader sees in a Lexical document, including pull quotes' text. */
export function countWords(content: { root: unknown } | null | undefined): number {
  if (!content) return 0
  let words = 0
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as LexicalLike
    if (typeof n.text === 'string') words += n.text.split(/\s+/).filter(Boolean).length
    if (n.type === 'block' && n.fields && typeof n.fields === 'object') {
      const { quote } = n.fields as { quote?: unknown }
      if (typeof quote === 'string') words += quote.split(/\s+/).filter(Boolean).length
    }
    if (Array.isArray(n.children)) n.children.forEach(visit)
  }
  visit(content.root)
  return words
}

export const readingMinutes = (words: number) => Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))
