import type { Metadata } from 'next'

import { cookies } from 'next/headers'

import type { ArticleParams } from '../../../../_article/ArticlePage'

import { isCategorySlug } from '@/lib/categories'

import { ArticlePage, articleMetadata } from '../../../../_article/ArticlePage'
import { hasPageAt, StandingPage } from '../../../../_page/StandingPage'

/**
 * One reader's own view of an article, rendered per request. Readers never see this URL: the
 * article URL is rewritten here (next.config.ts) when the request carries a comment cookie (their
 * held comments, their saved name) or a ?replytocom= link, which the cached page cannot know
 * about. Asked for by this address, it is the site's 404.
 */
export const dynamic = 'force-dynamic'

type Props = { params: ArticleParams; searchParams: Promise<{ replytocom?: string | string[] }> }

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Same canonical URL as the shared page, and never indexed under this one.
  return { ...(await articleMetadata(params)), robots: { index: false } }
}

export default async function PersonalArticlePage({ params, searchParams }: Props) {
  const [jar, query] = await Promise.all([cookies(), searchParams])
  // A subpage under a reader's comment cookies: pages have no comments, so the shared page it is.
  const { category, slug } = await params
  if (!(await isCategorySlug(category)) && (await hasPageAt([category, slug]))) return <StandingPage segments={[category, slug]} />
  return (
    <ArticlePage params={params} reader={{ cookie: (name) => jar.get(name)?.value, replyToCom: one(query.replytocom) }} />
  )
}
