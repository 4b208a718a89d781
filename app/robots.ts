import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/lib/urls'

// Per request: the sitemap's address comes from the runtime origin.
export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    // Search results are endless near-duplicates of listings; the admin and API are not for readers.
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/search'] },
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
