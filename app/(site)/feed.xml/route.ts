import { getSiteFeed } from '@/lib/feeds'

// Cached until publishing, changing or unpublishing an article expires it (src/lib/feeds.ts tags it).
export const revalidate = 3600

export async function GET() {
  return new Response(await getSiteFeed(), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
