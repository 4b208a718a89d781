import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { ArticlePage, articleMetadata } from '../../../_article/ArticlePage'

/**
 * Paths under an article. /comment-page-N is page N of a long comment thread (WordPress's URL
 * for the same thing), cached like the article page. Anything else gets the site's designed 404
 * rather than Next's own (with a root layout per route group there is no app-wide not-found page).
 */
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ category: string; slug: string; rest: string[] }[]> => []

type Props = { params: Promise<{ category: string; slug: string; rest: string[] }> }

/** The comment page this path names, or null. Page 1 lives at the article's own URL. */
function commentPage(rest: string[]): number | null {
  const match = rest.length === 1 ? /^comment-page-([1-9]\d{0,5})$/.exec(rest[0] ?? '') : null
  const page = match ? Number(match[1]) : null
  return page !== null && page > 1 ? page : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category, slug, rest } = await params
  const page = commentPage(rest)
  return page === null ? {} : articleMetadata(Promise.resolve({ category, slug }), page)
}

export default async function ArticleSubpage({ params }: Props) {
  const { category, slug, rest } = await params
  const page = commentPage(rest)
  if (page === null) notFound()
  return <ArticlePage params={Promise.resolve({ category, slug })} reader={null} commentPage={page} />
}
