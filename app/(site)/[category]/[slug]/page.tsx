import type { Metadata } from 'next'

import type { ArticleParams } from '../../_article/ArticlePage'

import { ArticlePage, articleMetadata } from '../../_article/ArticlePage'

/**
 * The article page as every reader without comment cookies sees it: generated on first request,
 * then served from Next's cache until a change expires one of its tags (src/cache). The hour is
 * a safety net for what tags cannot see (Most Popular's ranking moving, a missed expiry).
 */
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ category: string; slug: string }[]> => []

type Props = { params: ArticleParams }

export const generateMetadata = ({ params }: Props): Promise<Metadata> => articleMetadata(params)

export default function Page({ params }: Props) {
  return <ArticlePage params={params} reader={null} />
}
