import type { Metadata } from 'next'

import { cookies } from 'next/headers'
import { notFound, permanentRedirect } from 'next/navigation'

import { ArticleBody } from '@/components/ArticleBody'
import { ArticleMeta } from '@/components/ArticleMeta'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { BylineBox } from '@/components/BylineBox'
import { CastCards } from '@/components/CastCards'
import { CommentThread } from '@/components/CommentThread'
import { JsonLd } from '@/components/JsonLd'
import { MediaImage } from '@/components/MediaImage'
import { MostPopular } from '@/components/MostPopular'
import { ReplySlot } from '@/components/ReplySlot'
import { getArticle, getMostPopular } from '@/lib/articles'
import { getCategoryPath } from '@/lib/categories'
import { getReplyContext, readCommentCookies } from '@/lib/commentForm'
import { findInThread, getApprovedComments, withPending } from '@/lib/comments'
import { newsArticleJsonLd } from '@/lib/structuredData'
import { absoluteUrl } from '@/lib/urls'

// Rendered per request until tag-based revalidation lands (see src/lib/tags.ts).
export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ category: string; slug: string }>
  searchParams?: Promise<{ replytocom?: string | string[]; comment?: string | string[] }>
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** The published article at this URL; another category's URL redirects permanently, anything else is a 404. */
async function loadArticle(params: Props['params']) {
  const { category, slug } = await params
  const lookup = await getArticle({ category, slug })
  if (lookup.status === 'moved') permanentRedirect(lookup.href)
  if (lookup.status === 'missing') notFound()
  return lookup.article
}

/**
 * Metadata never calls notFound() or redirect(): thrown there, outside the layout's not-found
 * boundary, Next falls back to a client-rendered error shell. The page decides; an unknown
 * article just gets no metadata of its own (not-found.tsx supplies the title).
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = await getArticle(await params)
  if (lookup.status !== 'found') return {}
  const { article } = lookup
  const url = absoluteUrl(article.href)
  const image = article.ogImage ?? article.hero
  const images = image ? [{ url: absoluteUrl(image.src), width: image.width, height: image.height, alt: image.alt }] : undefined
  const description = article.excerpt ?? undefined
  return {
    title: article.title,
    description,
    alternates: { canonical: url },
    authors: article.authors.map((a) => ({ name: a.name, url: absoluteUrl(a.href) })),
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description,
      siteName: 'Byline',
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      section: article.category.name,
      authors: article.authors.map((a) => absoluteUrl(a.href)),
      images,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title: article.title, description, images: images?.map((i) => i.url) },
  }
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const article = await loadArticle(params)
  const query = (await searchParams) ?? {}
  const jar = await cookies()
  // Per reader: their own held comments, and what a rejected form post kept for them.
  const commentCookies = readCommentCookies({ get: (name) => jar.get(name)?.value, nonce: one(query.comment) })
  const [trail, comments, popular, reply] = await Promise.all([
    getCategoryPath({ slug: article.category.slug }),
    getApprovedComments({ articleId: article.id }),
    getMostPopular({ limit: 5, excludeId: article.id }),
    getReplyContext({ article, pendingCookie: commentCookies.pendingCookie }),
  ])
  const replyDepth = reply.closed ? 0 : reply.threadDepth
  const { flash, saved } = commentCookies
  const replyToId = flash?.values.parent || one(query.replytocom)
  const target = replyToId ? findInThread(comments.thread, replyToId) : null
  const replyTo = target && target.depth < replyDepth ? { id: target.comment.id, authorName: target.comment.authorName } : null

  return (
    <>
      <Breadcrumbs trail={trail} current={{ name: article.title, href: article.href }} />
      <div className="with-sidebar">
        <div className="with-sidebar__main">
          <article className="article">
            <header className="article__header">
              <p className="kicker">
                <a href={trail.at(-1)?.href ?? '/'}>{article.category.name}</a>
              </p>
              <h1>{article.title}</h1>
              <ArticleMeta
                authors={article.authors}
                publishedAt={article.publishedAt}
                commentCount={comments.count}
                readingMinutes={article.readingMinutes}
              />
            </header>
            {article.hero ? (
              <figure className="article__hero">
                <MediaImage image={article.hero} sizes="(min-width: 72rem) 46rem, (min-width: 48rem) 70vw, 100vw" priority />
              </figure>
            ) : null}
            {article.content ? <ArticleBody content={article.content} /> : null}
            {article.cast.length > 0 ? (
              <section className="cast-section" aria-labelledby="cast-cards-heading">
                <h2 id="cast-cards-heading">Cast</h2>
                <CastCards cast={article.cast} />
              </section>
            ) : null}
            {article.authors.map((author) => (
              <BylineBox key={author.slug} author={author} />
            ))}
          </article>
          <CommentThread thread={withPending(comments.thread, reply.pending)} count={comments.count} replyDepth={replyDepth} />
          <ReplySlot
            closed={reply.closed}
            articleId={article.id}
            articlePath={article.href}
            formToken={reply.formToken}
            replyTo={replyTo}
            initial={{
              body: flash?.values.body ?? '',
              authorName: flash?.values.authorName ?? saved?.authorName ?? '',
              authorEmail: flash?.values.authorEmail ?? saved?.authorEmail ?? '',
              authorUrl: flash?.values.authorUrl ?? saved?.authorUrl ?? '',
            }}
            remember={saved !== null}
            message={flash?.message ?? null}
            errors={flash?.errors ?? {}}
          />
        </div>
        <MostPopular data={popular} />
      </div>
      <JsonLd data={newsArticleJsonLd(article)} />
    </>
  )
}
