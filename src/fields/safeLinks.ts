import type { FieldHook } from 'payload'

import { ValidationError } from 'payload'

/**
 * The schemes a link in content may use (rich text on save here, any href on render in
 * src/lib/urls.ts); a link without a scheme (relative, `#anchor`) is fine too.
 */
export const SAFE_LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel'])

/** Longest piece of a refused URL quoted back in the message, so a pasted blob does not become the error. */
const QUOTED_LENGTH = 80

const messages = {
  unsafeLink: (url: string) =>
    `The link "${url}" is not allowed: links must start with http://, https://, mailto: or tel:, or point within the site.`,
}

/**
 * The scheme a browser would see in an href, lower-cased, or null for a relative link. Browsers
 * drop tabs and newlines anywhere in a URL and leading spaces and control characters, so
 * "java\tscript:" and " javascript:" are javascript: links too.
 */
export function linkScheme(url: string): string | null {
  const withoutBreaks = url.replace(/[\t\n\r]/g, '')
  let start = 0
  while (start < withoutBreaks.length && withoutBreaks.charCodeAt(start) <= 0x20) start++
  const normalized = withoutBreaks.slice(start)
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(normalized)
  return match?.[1]?.toLowerCase() ?? null
}

export function isAllowedLinkUrl(url: string): boolean {
  const scheme = linkScheme(url)
  return scheme === null || SAFE_LINK_SCHEMES.has(scheme)
}

type LexicalNode = { type?: unknown; fields?: { linkType?: unknown; url?: unknown } }

/**
 * The URLs of link and autolink nodes anywhere in a Lexical value, nested editors (in block
 * fields) included, that use a scheme other than the allowed ones. Internal links carry a
 * document, not a URL, and are skipped.
 */
export function unsafeLinkUrls(value: unknown): string[] {
  const found: string[] = []
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item)
      return
    }
    if (!node || typeof node !== 'object') return
    const { type, fields } = node as LexicalNode
    if ((type === 'link' || type === 'autolink') && fields?.linkType !== 'internal' && typeof fields?.url === 'string') {
      if (!isAllowedLinkUrl(fields.url)) found.push(fields.url)
    }
    for (const child of Object.values(node)) visit(child)
  }
  visit(value)
  return found
}

const quote = (url: string) => (url.length > QUOTED_LENGTH ? `${url.slice(0, QUOTED_LENGTH)}…` : url)

/**
 * Refuses a rich-text value holding a `javascript:` (or `data:`, `vbscript:`…) link. The reader
 * site neutralises such links when it renders, but a stored one is a trap for every other
 * consumer of the API. A field hook, not `validate`, because Payload skips validation when a
 * draft is saved, and autosave writes drafts.
 */
export const refuseUnsafeLinks: FieldHook = ({ value, collection, path, req }) => {
  const [first] = unsafeLinkUrls(value)
  if (first === undefined) return value
  throw new ValidationError({ collection: collection?.slug, errors: [{ path: path.join('.'), message: messages.unsafeLink(quote(first)) }], req }, req.t)
}
