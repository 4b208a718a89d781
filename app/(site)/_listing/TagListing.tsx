import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Pagination } from '@/components/Pagination'
import { getTagListing } from '@/lib/listings'
import { absoluteUrl } from '@/lib/urls'

/** The listing for this URL, or null for an unknown tag, a malformed ?page= or a page past the last. */
async function findListing(slug: string, page: number | null) {
  if (page === null) return null
  const listing = await getTagListing({ slug, page })
  if (!listing || (page > 1 && page > listing.articles.totalPages)) return null
  return { listing, page }
}

export async function tagMetadata(slug: string, page: number | null): Promise<Metadata> {
  const found = await findListing(slug, page)
  if (!found) return {}
  const { tag: shown } = found.listing
  return {
    title: found.page > 1 ? `${shown.name} (page ${found.page})` : shown.name,
    description: shown.description ?? `Stories tagged ${shown.name} on Byline.`,
    alternates: {
      canonical: absoluteUrl(found.page > 1 ? `${shown.href}?page=${found.page}` : shown.href),
      types: { 'application/rss+xml': absoluteUrl(`${shown.href}/feed.xml`) },
    },
  }
}

/** /tag/{slug}: a tag's published articles, newest first, cached like a category listing. */
export async function TagListing({ slug, page: requested }: { slug: string; page: number | null }) {
  const found = await findListing(slug, requested)
  // An unknown tag may be created later at this slug: its URL tag replaces the cached 404.
  if (!found) notFound()
  const { listing, page } = found
  const { tag: shown, articles } = listing
  return (
    <>
      <Breadcrumbs trail={[]} current={{ name: `Tag: ${shown.name}`, href: shown.href }} />
      <header className="page-header">
        <h1>
          <span className="visually-hidden">Stories tagged </span>
          {shown.name}
        </h1>
        {shown.description ? <p>{shown.description}</p> : null}
        <p>
          <a href={`${shown.href}/feed.xml`}>Feed of this tag</a>
        </p>
      </header>
      {articles.docs.length === 0 ? <p>Nothing tagged {shown.name} has been published yet.</p> : <ArticleList articles={articles.docs} />}
      <Pagination page={page} totalPages={articles.totalPages} basePath={shown.href} />
    </>
  )
}
