import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { Pagination } from '@/components/Pagination'
import { SearchForm } from '@/components/SearchForm'
import { SearchResults } from '@/components/SearchResults'
import { searchArticles } from '@/lib/articles/search'
import { parsePageParam } from '@/lib/pagination'
import { parseSearchQuery } from '@/search/query'

export const dynamic = 'force-dynamic'

const PAGE_SIZE = 10

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parseSearchQuery((await searchParams).q)
  return {
    title: query ? `Search results for “${query}”` : 'Search',
    // Result pages are near-duplicates of listings; robots.txt also keeps crawlers out.
    robots: { index: false, follow: true },
  }
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const query = parseSearchQuery(params.q)
  const page = parsePageParam(params.page)
  if (page === null) notFound()
  const results = query ? await searchArticles({ query, page, limit: PAGE_SIZE }) : null
  if (results && page > 1 && page > results.totalPages) notFound()

  return (
    <>
      <header className="page-header">
        <h1>{query ? `Search results for “${query}”` : 'Search'}</h1>
        <SearchForm id="search-page" label="Search articles" query={query} className="search-form search-form--page" />
      </header>
      {results === null ? (
        <p>Type a word or two from a headline or a story to find articles.</p>
      ) : results.totalDocs === 0 ? (
        <div className="search-empty" role="status">
          <p>No articles match “{query}”.</p>
          <p>Check the spelling, try fewer or different words, or browse the sections above.</p>
        </div>
      ) : (
        <>
          <p role="status">
            {results.more ? `More than ${results.totalDocs} articles found.` : results.totalDocs === 1 ? '1 article found.' : `${results.totalDocs} articles found.`}
          </p>
          <SearchResults results={results.docs} />
          <Pagination page={page} totalPages={results.totalPages} basePath="/search" params={{ q: query }} />
        </>
      )}
    </>
  )
}
