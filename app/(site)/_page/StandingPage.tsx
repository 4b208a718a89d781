import type { Metadata } from 'next'

import { notFound, permanentRedirect } from 'next/navigation'

import { ArticleBody } from '@/components/ArticleBody'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { SITE_NAME } from '@/lib/siteName'
import { getPageAt } from '@/lib/sitePages'
import { absoluteUrl } from '@/lib/urls'

/**
 * A standing page (About, Contact…) at /{slug} or /{parent}/{slug}. The category and article
 * routes render it when no category has the first segment. Cached like them: a change to the
 * page or its parent expires its own tag, publishing one at a new slug its URL tag.
 */

export async function pageMetadata(segments: string[]): Promise<Metadata> {
  const lookup = await getPageAt(...segments)
  if (lookup.status !== 'found') return {}
  const { page } = lookup
  return {
    title: page.seo.title ? { absolute: page.seo.title } : page.title,
    description: page.seo.description ?? undefined,
    alternates: { canonical: absoluteUrl(page.href) },
    openGraph: { type: 'website', url: absoluteUrl(page.href), title: page.seo.title ?? page.title, description: page.seo.description ?? undefined, siteName: SITE_NAME },
  }
}

/** Whether a published page answers at these segments (here or, moved, elsewhere). */
export async function hasPageAt(segments: string[]): Promise<boolean> {
  return (await getPageAt(...segments)).status !== 'missing'
}

export async function StandingPage({ segments }: { segments: string[] }) {
  const lookup = await getPageAt(...segments)
  if (lookup.status === 'moved') permanentRedirect(lookup.href)
  if (lookup.status !== 'found') notFound()
  const { page } = lookup
  return (
    <>
      <Breadcrumbs trail={page.parent ? [{ name: page.parent.title, href: page.parent.href }] : []} current={{ name: page.title, href: page.href }} />
      <article className="article standing-page">
        <header className="article__header">
          <h1>{page.title}</h1>
        </header>
        {page.content ? <ArticleBody content={page.content} /> : null}
      </article>
    </>
  )
}
