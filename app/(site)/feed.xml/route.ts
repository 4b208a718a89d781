import { feedResponse, getSiteFeed } from '@/lib/feeds'

// Cached until publishing, changing or unpublishing an article expires it (src/lib/feeds.ts tags it).
export const revalidate = 3600

export async function GET() {
  return feedResponse(await getSiteFeed(), 'No such feed.')
}
