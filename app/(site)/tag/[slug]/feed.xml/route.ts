import { getTagFeed } from '@/lib/feeds'

// Cached until a change expires its tags (src/lib/feeds.ts registers them); the hour is a safety net.
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ slug: string }[]> => []

/** /tag/{slug}/feed.xml: the tag's newest published articles. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const feed = await getTagFeed({ slug: (await params).slug })
  if (feed === null) return new Response('No such tag.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(feed, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
