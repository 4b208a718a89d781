import { getSiteFeed } from '@/lib/feeds'

// Read per request until tag-based revalidation lands (see src/lib/tags.ts): an unpublished
// article must leave the feed at once.
export const dynamic = 'force-dynamic'

export async function GET() {
  return new Response(await getSiteFeed(), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
