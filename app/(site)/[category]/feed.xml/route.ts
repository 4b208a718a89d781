import { getCategoryFeed } from '@/lib/feeds'

// Cached until a change expires its tags (src/lib/feeds.ts registers them); the hour is a safety net.
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ category: string }[]> => []

/** /{category}/feed.xml: this static segment wins over the article route's [slug], so it never shadows an article. */
export async function GET(_request: Request, { params }: { params: Promise<{ category: string }> }) {
  const { category } = await params
  const feed = await getCategoryFeed({ slug: category })
  if (feed === null) return new Response('No such category.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(feed, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
