import { feedResponse, getAuthorFeed } from '@/lib/feeds'

// Cached until a change expires its tags (src/lib/feeds.ts registers them); the hour is a safety net.
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ slug: string }[]> => []

/** /authors/{slug}/feed.xml: the author's newest published articles. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse(await getAuthorFeed({ slug: (await params).slug }), 'No such author.')
}
