import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { MediaImage } from '@/components/MediaImage'
import { authorFeedHref } from '@/lib/feeds'
import { getAuthor } from '@/lib/people'
import { absoluteUrl } from '@/lib/urls'

// Cached until a change to this profile or to one of its articles expires its tags (src/cache).
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ slug: string }[]> => []

type Props = { params: Promise<{ slug: string }> }

async function loadAuthor(params: Props['params']) {
  const { slug } = await params
  const found = await getAuthor({ slug })
  if (!found) notFound()
  return found
}

// Metadata returns nothing for an unknown slug rather than calling notFound(); see the article page.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getAuthor(await params)
  if (!found) return {}
  const { author } = found
  return {
    title: author.name,
    description: author.bio ?? `Articles by ${author.name}.`,
    alternates: {
      canonical: absoluteUrl(author.href),
      // Feed readers find the author's feed from the page (<link rel="alternate">).
      types: { 'application/rss+xml': [{ url: absoluteUrl(authorFeedHref(author.slug)), title: `Byline: ${author.name}` }] },
    },
  }
}

export default async function AuthorPage({ params }: Props) {
  const { author, articles } = await loadAuthor(params)
  return (
    <>
      <Breadcrumbs trail={[]} current={{ name: author.name, href: author.href }} />
      <header className="profile">
        {author.avatar ? <MediaImage image={author.avatar} sizes="8rem" className="profile__photo" decorative priority /> : null}
        <div>
          <h1>{author.name}</h1>
          {author.bio ? <p>{author.bio}</p> : null}
          {author.website ? (
            <p>
              <a href={author.website} rel="me noopener">
                Website
              </a>
            </p>
          ) : null}
        </div>
      </header>
      <section aria-labelledby="author-articles">
        <h2 id="author-articles">Articles by {author.name}</h2>
        {articles.length === 0 ? <p>No published articles yet.</p> : <ArticleList articles={articles} headingLevel="h3" />}
        <p>
          <a href={authorFeedHref(author.slug)} type="application/rss+xml">
            Follow {author.name} by RSS
          </a>
        </p>
      </section>
    </>
  )
}
