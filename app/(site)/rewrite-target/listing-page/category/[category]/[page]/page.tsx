import type { Metadata } from 'next'

import { parsePageParam } from '@/lib/pagination'

import { CategoryListing, categoryMetadata } from '../../../../../_listing/CategoryListing'

/** A category's ?page=N (rewritten here by next.config.ts; this address itself is a 404), cached per page like page 1. */
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ category: string; page: string }[]> => []

type Props = { params: Promise<{ category: string; page: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category, page } = await params
  return categoryMetadata(category, parsePageParam(page))
}

export default async function CategoryPageN({ params }: Props) {
  const { category, page } = await params
  return <CategoryListing slug={category} page={parsePageParam(page)} />
}
