import type { Metadata } from 'next'


import NotFound from '../not-found'

export const revalidate = 3600

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } }

/**
 * The designed 404 page as a page of its own, for the production server to send as the body of
 * every reader page Next answers with 404 (src/productionServer/designedNotFound.ts explains why). The server never
 * lets a reader see this address with a 200. It shows the site's sections, so it goes with them.
 */
export default async function PageNotFound() {
  return <NotFound />
}
