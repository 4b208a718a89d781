type LexicalLike = { type?: unknown; text?: unknown; children?: unknown; fields?: unknown }

// Nodes whose text runs on into the next inline node; every other element ends a line.
const INLINE = new Set(['text', 'link', 'autolink', 'linebreak', 'tab'])

/**
 * The text a reader sees in a Lexical document, paragraphs on their own lines, pull quotes
 * included: what search matches against. Inline nodes join without a space, so a word split by
 * formatting ("Heart" + bold "stopper") stays one word.
 */
export function plainText(content: { root: unknown } | null | undefined): string {
  if (!content) return ''
  const parts: string[] = []
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as LexicalLike
    if (typeof n.text === 'string') parts.push(n.text)
    if (n.type === 'block' && n.fields && typeof n.fields === 'object') {
      const { quote, heading } = n.fields as { quote?: unknown; heading?: unknown }
      for (const value of [heading, quote]) if (typeof value === 'string') parts.push(`\n${value}\n`)
    }
    if (Array.isArray(n.children)) n.children.forEach(visit)
    if (typeof n.type === 'string' && !INLINE.has(n.type)) parts.push('\n')
  }
  visit(content.root)
  return parts.join('').replace(/[ \t]*\n\s*/g, '\n').trim()
}
