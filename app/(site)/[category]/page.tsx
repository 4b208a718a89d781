import type { Metadata } from 'next'

import { isCategorySlug } from '@/lib/categories'

import { CategoryListing, categoryMetadata } from '../_listing/CategoryListing'
import { pageMetadata, StandingPage } from '../_page/StandingPage'

/**
 * A category's first page, cached like the home page; ?page=N is rewritten to
 * /rewrite-target/listing-page/category/{slug}/N. A first segment that names no category may be
 * a standing page (/about): the category tree is in memory, so a category costs nothing more for it.
 */
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ category: string }[]> => []

type Props = { params: Promise<{ category: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category } = await params
  return (await isCategorySlug(category)) ? categoryMetadata(category, 1) : pageMetadata([category])
}

export default async function CategoryPage({ params }: Props) {
  const { category } = await params
  if (await isCategorySlug(category)) return <CategoryListing slug={category} page={1} />
  return <StandingPage segments={[category]} />
}
