import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Pagination } from '@/components/Pagination'
import { getCategoryListing } from '@/lib/listings'
import { absoluteUrl, categoryHref } from '@/lib/urls'

/** The listing for this URL, or null for an unknown category, a malformed ?page= or a page past the last. */
async function findListing(slug: string, page: number | null) {
  if (page === null) return null
  const listing = await getCategoryListing({ slug, page })
  // Past the last page is as unknown as an unknown category (page 1 of an empty category is fine).
  if (!listing || (page > 1 && page > listing.articles.totalPages)) return null
  return { listing, page }
}

// Metadata returns nothing for an unknown listing rather than calling notFound(); see the article page.
export async function categoryMetadata(slug: string, page: number | null): Promise<Metadata> {
  const found = await findListing(slug, page)
  if (!found) return {}
  const { listing } = found
  const href = categoryHref(listing.category.slug)
  return {
    title: found.page > 1 ? `${listing.category.name} (page ${found.page})` : listing.category.name,
    description: `The latest ${listing.category.name.toLowerCase()} stories from Byline.`,
    alternates: { canonical: absoluteUrl(found.page > 1 ? `${href}?page=${found.page}` : href) },
  }
}

export async function CategoryListing({ slug, page: requested }: { slug: string; page: number | null }) {
  // An unknown category may be created later; it shows in the navigation, so the categories' tag
  // (every page has it, src/lib/categories.ts) covers it.
  const found = await findListing(slug, requested)
  if (!found) notFound()
  const { listing, page } = found
  const { category, crumbs, subcategories, articles } = listing
  return (
    <>
      <Breadcrumbs trail={crumbs.slice(0, -1)} current={{ name: category.name, href: category.href }} />
      <header className="page-header">
        <h1>{category.name}</h1>
        {subcategories.length > 0 ? (
          <nav aria-label={`${category.name} sections`} className="subcategories">
            <ul>
              {subcategories.map((sub) => (
                <li key={sub.href}>
                  <a href={sub.href}>{sub.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      {articles.docs.length === 0 ? <p>Nothing has been published in {category.name} yet.</p> : <ArticleList articles={articles.docs} />}
      <Pagination page={page} totalPages={articles.totalPages} basePath={category.href} />
    </>
  )
}
