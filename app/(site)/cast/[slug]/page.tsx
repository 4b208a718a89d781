import type { Metadata } from 'next'

import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { MediaImage } from '@/components/MediaImage'
import { getCast } from '@/lib/people'
import { absoluteUrl } from '@/lib/urls'

// Cached until a change to this profile or to one of its articles expires its tags (src/cache).
export const revalidate = 3600
export const dynamicParams = true
export const generateStaticParams = async (): Promise<{ slug: string }[]> => []

type Props = { params: Promise<{ slug: string }> }

async function loadCast(params: Props['params']) {
  const { slug } = await params
  const found = await getCast({ slug })
  if (!found) notFound()
  return found
}

// Metadata returns nothing for an unknown slug rather than calling notFound(); see the article page.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getCast(await params)
  if (!found) return {}
  const { member } = found
  return {
    title: member.character ? `${member.name} (${member.character})` : member.name,
    description: member.bio ?? `Articles featuring ${member.name}.`,
    alternates: { canonical: absoluteUrl(member.href) },
  }
}

export default async function CastPage({ params }: Props) {
  const { member, articles } = await loadCast(params)
  return (
    <>
      <Breadcrumbs trail={[]} current={{ name: member.name, href: member.href }} />
      <header className="profile">
        {member.photo ? <MediaImage image={member.photo} sizes="8rem" className="profile__photo" decorative priority /> : null}
        <div>
          <h1>{member.name}</h1>
          {member.character ? <p className="profile__role">as {member.character}</p> : null}
          {member.bio ? <p>{member.bio}</p> : null}
        </div>
      </header>
      <section aria-labelledby="cast-articles">
        <h2 id="cast-articles">Articles featuring {member.name}</h2>
        {articles.length === 0 ? <p>No published articles yet.</p> : <ArticleList articles={articles} headingLevel="h3" />}
      </section>
    </>
  )
}
