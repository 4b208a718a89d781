import type { FieldAffectingData, FieldHook, TextFieldSingleValidation } from 'payload'

import { refuseUnsafeLinks } from './safeLinks'

/**
 * The link drawer opens with "https://" already in the address field, so pasting an address
 * gives "https://https://example.com", which Payload's own check accepts. That is never meant:
 * a scheme followed by another scheme is a paste into a prefilled field.
 */
const DOUBLED_SCHEME = /^\s*(?:https?:\/\/)+(?=(?:https?|mailto|tel):)/i

const messages = {
  doubled: (url: string) =>
    `This address starts with two schemes ("${url.slice(0, 40)}…"): the field already held "https://" when the address was pasted. Remove the first one.`,
}

/** "https://https://example.com" → "https://example.com"; anything else unchanged. */
function repairDoubledScheme(url: string): string {
  return url.replace(DOUBLED_SCHEME, '')
}

const hasDoubledScheme = (url: string): boolean => DOUBLED_SCHEME.test(url)

/**
 * The link drawer's address field refuses a doubled scheme with a message saying what happened
 * (form state validates it on the server as the writer types).
 */
export function guardLinkUrlField({ defaultFields }: { defaultFields: FieldAffectingData[] }): FieldAffectingData[] {
  return defaultFields.map((field) => {
    if (field.type !== 'text' || field.name !== 'url' || field.hasMany) return field
    const own = field.validate
    const validate: TextFieldSingleValidation = (value, options) =>
      typeof value === 'string' && hasDoubledScheme(value) ? messages.doubled(value) : (own?.(value, options) ?? true)
    return { ...field, validate }
  })
}

/**
 * A rich-text field hook: anything that reaches the server another way (the API, an import) is
 * stored repaired. On the content field rather than the link's own field, because Lexical
 * validates link nodes against the value as it arrived.
 */
export const repairPastedLinks: FieldHook = ({ value }) => {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit)
    if (!node || typeof node !== 'object') return node
    const copy: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(node)) copy[key] = visit(child)
    const fields = copy.fields as { url?: unknown } | undefined
    if ((copy.type === 'link' || copy.type === 'autolink') && fields && typeof fields.url === 'string' && hasDoubledScheme(fields.url)) {
      copy.fields = { ...fields, url: repairDoubledScheme(fields.url) }
    }
    return copy
  }
  return value && typeof value === 'object' ? visit(value) : value
}

/** The beforeValidate hooks every rich-text field of the site carries, in this order: repair, then refuse. */
export const richTextLinkHooks: FieldHook[] = [repairPastedLinks, refuseUnsafeLinks]
