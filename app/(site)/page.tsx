import type { Metadata } from 'next'

import { HomeListing, homeMetadata } from './_listing/HomeListing'

/**
 * The home page, cached until an article is published, changed or unpublished (src/cache);
 * ?page=N is rewritten to /rewrite-target/listing-page/latest/N (next.config.ts). The hour is a
 * safety net for Most Popular's ranking, which moves with readers rather than with edits.
 */
export const revalidate = 3600

export const generateMetadata = (): Metadata => homeMetadata(1)

export default function HomePage() {
  return <HomeListing page={1} />
}
