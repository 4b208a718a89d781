import type { Metadata } from 'next'

import { TagListing, tagMetadata } from '../../_listing/TagListing'

/** A tag's first page, cached like a category's; ?page=N is rewritten to /rewrite-target/listing-page/tag/{slug}/N. */
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ slug: string }[]> => []

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata((await params).slug, 1)
}

export default async function TagPage({ params }: Props) {
  return <TagListing slug={(await params).slug} page={1} />
}
