/** One run of a comment's text: plain text, or a URL the reader typed, to be shown as a link. */
type TextRun = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string }

/** An address a reader typed into a comment: counted by the link rules (policy.ts), shown as a link here. */
export const LINK_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi
// Punctuation that ends a sentence rather than the address.
const TRAILING = /[.,;:!?)\]'"]+$/

function linkify(line: string): TextRun[] {
  const runs: TextRun[] = []
  let last = 0
  for (const match of line.matchAll(LINK_IN_TEXT)) {
    const raw = match[0].replace(TRAILING, '')
    const start = match.index ?? 0
    if (start > last) runs.push({ kind: 'text', text: line.slice(last, start) })
    const href = raw.startsWith('www.') ? `https://${raw}` : raw
    if (URL.canParse(href)) runs.push({ kind: 'link', text: raw, href })
    else runs.push({ kind: 'text', text: raw })
    last = start + raw.length
  }
  if (last < line.length) runs.push({ kind: 'text', text: line.slice(last) })
  return runs
}

/**
 * A comment body as paragraphs (blank lines) of lines (single line breaks), with URLs found.
 * Everything stays text: the thread's renderer escapes it (src/components/CommentThread/commentsHtml.ts),
 * so no HTML from a commenter ever reaches the page.
 */
export function commentParagraphs(body: string): TextRun[][][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => paragraph.split('\n').map(linkify))
}
