import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { ArticleList, CardMeta } from '@/components/ArticleList'
import { MediaImage } from '@/components/MediaImage'
import { MostPopular } from '@/components/MostPopular'
import { Pagination } from '@/components/Pagination'
import { getFeaturedLead, getLatestArticles } from '@/lib/articles/listings'
import { getMostPopular } from '@/lib/articles/popular'
import { getSectionRows } from '@/lib/listings'
import { absoluteUrl } from '@/lib/urls'

const PAGE_SIZE = 10

export function homeMetadata(page: number | null): Metadata {
  return { alternates: { canonical: absoluteUrl(page !== null && page > 1 ? `/?page=${page}` : '/') } }
}

/** Page 1: the lead story, the latest, a row per section. Later pages (?page=): the older stories only. */
export async function HomeListing({ page }: { page: number | null }) {
  if (page === null) notFound()
  const [latest, featured] = await Promise.all([getLatestArticles({ limit: PAGE_SIZE, page }), page === 1 ? getFeaturedLead() : null])
  // A page past the last is cached as a 404 too, until the next article published can create it.
  if (page > 1 && page > latest.totalPages) notFound()

  // The lead is the newest article an editor featured, else simply the newest; the latest list
  // shows the rest, so the lead never appears twice.
  const lead = page === 1 ? (featured ?? latest.docs[0]) : undefined
  const rest = page === 1 ? latest.docs.filter((article) => article.id !== lead?.id).slice(0, PAGE_SIZE - 1) : latest.docs
  // The lead story is already the biggest thing on the page; the widget shows the next five.
  const [popular, sections] = await Promise.all([
    getMostPopular({ limit: 5, excludeId: lead?.id }),
    page === 1 ? getSectionRows({ perSection: 3, excludeIds: lead ? [lead.id] : [] }) : Promise.resolve([]),
  ])

  return (
    <>
      <h1 className="visually-hidden">{page === 1 ? 'Byline: the latest stories' : `Byline: older stories, page ${page}`}</h1>
      {latest.totalDocs === 0 ? <p>Nothing has been published yet.</p> : null}
      <div className="with-sidebar">
        <div className="with-sidebar__main">
          {lead ? (
            <article className="lead-story">
              {lead.image ? (
                <a href={lead.href} tabIndex={-1} aria-hidden="true">
                  <MediaImage image={lead.image} sizes="(min-width: 72rem) 46rem, (min-width: 64rem) 70vw, 100vw" priority decorative />
                </a>
              ) : null}
              {lead.category ? <p className="kicker">{lead.category.name}</p> : null}
              <h2 className="lead-story__title">
                <a href={lead.href}>{lead.title}</a>
              </h2>
              {lead.excerpt ? <p className="lead-story__excerpt">{lead.excerpt}</p> : null}
              <CardMeta article={lead} />
            </article>
          ) : null}
          {rest.length > 0 ? (
            <section aria-labelledby="latest-heading">
              <h2 id="latest-heading" className="section-heading">
                {page === 1 ? 'Latest' : `Latest, page ${page}`}
              </h2>
              <ArticleList articles={rest} headingLevel="h3" />
            </section>
          ) : null}
          <Pagination page={page} totalPages={latest.totalPages} basePath="/" />
          {sections.map((section) => (
            <section key={section.href} className="section-row" aria-labelledby={`section-${section.href.slice(1)}`}>
              <h2 id={`section-${section.href.slice(1)}`} className="section-heading">
                <a href={section.href}>{section.name}</a>
              </h2>
              <ArticleList articles={section.articles} headingLevel="h3" showImages={false} />
            </section>
          ))}
        </div>
        <MostPopular data={popular} />
      </div>
    </>
  )
}
