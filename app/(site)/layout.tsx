import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { SearchForm } from '@/components/SearchForm'
import { getCategories } from '@/lib/categories'
import { feedHref } from '@/lib/feeds'
import { SITE_NAME } from '@/lib/siteName'
import { categoryHref, siteOrigin } from '@/lib/urls'
import { READER_SCRIPT_SRC } from '@/reader/script'

import './site.css'

export async function generateMetadata(): Promise<Metadata> {
  return {
    // Read per request: the public origin is runtime configuration, not a build-time constant.
    metadataBase: new URL(siteOrigin()),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: `News, culture and entertainment from the ${SITE_NAME} newsroom.`,
  }
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const sections = (await getCategories()).filter((category) => category.parentId === null)
  return (
    <html lang="en">
      <body>
        {/* Rendered here rather than in metadata.alternates: a page setting its canonical URL replaces
            the whole alternates object, and the feed must be advertised on every page. React hoists it into head. */}
        <link rel="alternate" type="application/rss+xml" title={SITE_NAME} href={feedHref()} />
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="site-name" href="/">
              {SITE_NAME}
            </a>
            {sections.length > 0 ? (
              <nav aria-label="Sections" className="site-nav">
                <ul>
                  {sections.map((section) => (
                    <li key={section.id}>
                      <a href={categoryHref(section.slug)}>{section.name}</a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <SearchForm id="site-search" label={`Search ${SITE_NAME}`} className="search-form search-form--header" />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>© {SITE_NAME} newsroom. Demo content; people other than the cast are fictional.</p>
        </footer>
        {/* The pages' only script: the comment form, the view report, the video player (src/reader/enhance.ts). */}
        <script src={READER_SCRIPT_SRC} defer />
      </body>
    </html>
  )
}
