import type { Metadata } from 'next'

import { parsePageParam } from '@/lib/pagination'

import { HomeListing, homeMetadata } from '../../../../_listing/HomeListing'

/** The home page's ?page=N (rewritten here by next.config.ts; this address itself is a 404), cached per page like page 1. */
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ page: string }[]> => []

type Props = { params: Promise<{ page: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return homeMetadata(parsePageParam((await params).page))
}

export default async function LatestPage({ params }: Props) {
  return <HomeListing page={parsePageParam((await params).page)} />
}
