/**
 * Whether a form POST came from a page of this site. Browsers send `Origin` with every POST and
 * `Sec-Fetch-Site` with most; another site's page can set neither. A request with neither (an old
 * browser, curl) passes: it cannot ride on a reader's cookies from another site's page anyway
 * unless the browser is too old to send Origin, which no supported browser is.
 *
 * Same-origin is the configured public origin (NEXT_PUBLIC_SERVER_URL) or the request's own Host,
 * which the deploy/ proxy passes through as the browser sent it.
 */
export function isSameSite({
  origin,
  fetchSite,
  host,
  siteOrigin,
}: {
  origin: string | null
  fetchSite: string | null
  host: string | null
  siteOrigin: string
}): boolean {
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return false
  if (origin !== null) {
    // "null" is what a sandboxed frame or a privacy-redirected form sends: nothing to trust.
    if (!URL.canParse(origin)) return false
    const from = new URL(origin)
    return from.origin === new URL(siteOrigin).origin || (host !== null && from.host === host.toLowerCase())
  }
  return fetchSite === null || fetchSite === 'same-origin' || fetchSite === 'none'
}
