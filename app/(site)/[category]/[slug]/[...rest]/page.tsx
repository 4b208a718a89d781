import { notFound } from 'next/navigation'

/**
 * Paths deeper than any reader page. Unmatched, they would get Next's own unstyled 404 (with
 * separate root layouts per route group there is no app-wide not-found page); matched here,
 * they get the site's designed one, still with status 404.
 */
export default function UnknownDeepPath(): never {
  notFound()
}
