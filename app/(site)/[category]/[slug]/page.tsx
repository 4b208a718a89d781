import type { Metadata } from 'next'

import type { ArticleParams } from '../../_article/ArticlePage'

import { isCategorySlug } from '@/lib/categories'
import { PreviewFrame } from '@/preview/PreviewFrame'
import { previewedDraft, previewMetadata } from '@/preview/session'

import { ArticlePage, articleMetadata } from '../../_article/ArticlePage'
import { hasPageAt, pageMetadata, StandingPage } from '../../_page/StandingPage'

/** A subpage (/{parent}/{slug}) where no category has the first segment; else the article, as before. */
const isSubpage = async ({ category, slug }: Awaited<ArticleParams>) => !(await isCategorySlug(category)) && (await hasPageAt([category, slug]))

/**
 * The article page as every reader without comment cookies sees it: generated on first request,
 * then served from Next's cache until a change expires one of its tags (src/cache). The hour is
 * a safety net for what tags cannot see (Most Popular's ranking moving, a missed expiry).
 */
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ category: string; slug: string }[]> => []

type Props = { params: ArticleParams }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const preview = await previewMetadata(params)
  if (preview) return preview
  const { category, slug } = await params
  return (await isSubpage({ category, slug })) ? pageMetadata([category, slug]) : articleMetadata(params)
}

export default async function Page({ params }: Props) {
  // Staff previewing a draft (src/preview): rendered per request under Next's draft mode, never cached.
  const draft = await previewedDraft(params)
  if (draft) {
    return (
      <PreviewFrame href={draft.href}>
        <ArticlePage params={params} reader={null} draft={draft} />
      </PreviewFrame>
    )
  }
  const { category, slug } = await params
  if (await isSubpage({ category, slug })) return <StandingPage segments={[category, slug]} />
  return <ArticlePage params={params} reader={null} />
}
