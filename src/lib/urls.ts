/**
 * Public URLs of reader pages, in one place: links, breadcrumbs, canonical URLs and JSON-LD all
 * build them here. They are a public contract (see the reader-site issue).
 */
import { SAFE_LINK_SCHEMES } from '@/fields/safeLinks'

import { readServerUrl } from './env'

export const articleHref = ({ categorySlug, slug }: { categorySlug: string; slug: string }) => `/${categorySlug}/${slug}`
export const categoryHref = (slug: string) => `/${slug}`
export const authorHref = (slug: string) => `/authors/${slug}`
export const castHref = (slug: string) => `/cast/${slug}`
export const tagHref = (slug: string) => `/tag/${slug}`
/** A page's address: its ancestors' slugs, root first, then its own (/about, /about/team). */
export const pageHref = (slugs: readonly string[]) => `/${slugs.join('/')}`

/** The public origin, from NEXT_PUBLIC_SERVER_URL (checked by the env module). */
export const siteOrigin = () => readServerUrl()

export const absoluteUrl = (pathname: string) => new URL(pathname, `${siteOrigin()}/`).toString()

type LinkedDoc = { relationTo: string; value: unknown } | null | undefined

/**
 * The URL of a document an editor linked to. The value is the populated document when the reader
 * may see it; an id (an unpublished article) or nothing resolves to null.
 */
export function internalLinkHref(doc: LinkedDoc): string | null {
  if (!doc || typeof doc.value !== 'object' || doc.value === null) return null
  const value = doc.value as { slug?: unknown; category?: unknown }
  if (typeof value.slug !== 'string') return null
  switch (doc.relationTo) {
    case 'authors':
      return authorHref(value.slug)
    case 'cast':
      return castHref(value.slug)
    case 'articles': {
      const category = value.category as { slug?: unknown } | null | undefined
      return category && typeof category === 'object' && typeof category.slug === 'string'
        ? articleHref({ categorySlug: category.slug, slug: value.slug })
        : null
    }
    default:
      return null
  }
}

/**
 * A URL from content (an editor's link, a commenter's website) that is safe to put in href:
 * web, mail and phone links and site-relative paths. Anything else (javascript:, data:) is null;
 * the fields validate on save, and this holds for content saved before a rule existed.
 */
export function safeHref(raw: string | null | undefined): string | null {
  const value = raw?.trim()
  if (!value) return null
  if (value.startsWith('/') && !value.startsWith('//')) return value
  if (value.startsWith('#')) return value
  try {
    const { protocol } = new URL(value)
    return SAFE_LINK_SCHEMES.has(protocol.slice(0, -1)) ? value : null
  } catch {
    return null // not an absolute URL and not a site path: not a link we render
  }
}
