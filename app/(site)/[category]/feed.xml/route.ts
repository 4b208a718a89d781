import { feedResponse, getCategoryFeed } from '@/lib/feeds'

// Cached until a change expires its tags (src/lib/feeds.ts registers them); the hour is a safety net.
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ category: string }[]> => []

/** /{category}/feed.xml: this static segment wins over the article route's [slug], so it never shadows an article. */
export async function GET(_request: Request, { params }: { params: Promise<{ category: string }> }) {
  return feedResponse(await getCategoryFeed({ slug: (await params).category }), 'No such category.')
}
