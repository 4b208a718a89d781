import type { Metadata } from 'next'

import { parsePageParam } from '@/lib/pagination'

import { TagListing, tagMetadata } from '../../../../../_listing/TagListing'

/** A tag's ?page=N (rewritten here by next.config.ts; this address itself is a 404), cached per page like page 1. */
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ slug: string; page: string }[]> => []

type Props = { params: Promise<{ slug: string; page: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params
  return tagMetadata(slug, parsePageParam(page))
}

export default async function TagPageN({ params }: Props) {
  const { slug, page } = await params
  return <TagListing slug={slug} page={parsePageParam(page)} />
}
