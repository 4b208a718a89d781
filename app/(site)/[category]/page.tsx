import type { Metadata } from 'next'

import { CategoryListing, categoryMetadata } from '../_listing/CategoryListing'

/** A category's first page, cached like the home page; ?page=N is rewritten to /paged/category/{slug}/N. */
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ category: string }[]> => []

type Props = { params: Promise<{ category: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryMetadata((await params).category, 1)
}

export default async function CategoryPage({ params }: Props) {
  return <CategoryListing slug={(await params).category} page={1} />
}
