import type { Metadata } from 'next'

import { notFound, permanentRedirect } from 'next/navigation'

import { ArticleBody } from '@/components/ArticleBody'
import { ArticleMeta } from '@/components/ArticleMeta'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { BylineBox } from '@/components/BylineBox'
import { CastCards } from '@/components/CastCards'
import { CommentThread } from '@/components/CommentThread'
import { JsonLd } from '@/components/JsonLd'
import { MediaFigure } from '@/components/MediaImage'
import { MostPopular } from '@/components/MostPopular'
import { RelatedStories } from '@/components/RelatedStories'
import { ReplySlot } from '@/components/ReplySlot'
import { ViewBeacon } from '@/components/ViewBeacon'
import type { ArticleView } from '@/lib/articles/types'

import { getArticle } from '@/lib/articles/article'
import { getMostPopular } from '@/lib/articles/popular'
import { getRelatedArticles } from '@/lib/articles/related'
import { getCategoryPath } from '@/lib/categories'
import { SITE_NAME } from '@/lib/siteName'
import { getReplyContext, readCommentCookies } from '@/comments/form'
import { commentPageHref, pageOfThread } from '@/comments/threadPages'
import { findInThread, getApprovedComments, withPending } from '@/comments/thread'
import { newsArticleJsonLd } from '@/lib/structuredData'
import { absoluteUrl } from '@/lib/urls'

export type ArticleParams = Promise<{ category: string; slug: string }>

/**
 * What one reader's own view adds to the shared page: their held comments, their saved name,
 * the comment they reply to. Null for the cached page everybody else gets.
 */
type ReaderState = {
  cookie: (name: string) => string | undefined
  replyToCom?: string
}

/** The published article at this URL; another category's URL redirects permanently, anything else is a 404. */
async function loadArticle(params: ArticleParams) {
  const { category, slug } = await params
  const lookup = await getArticle({ category, slug })
  if (lookup.status !== 'found') {
    if (lookup.status === 'moved') permanentRedirect(lookup.href)
    notFound()
  }
  return lookup.article
}

/**
 * Metadata never calls notFound() or redirect(): thrown there, outside the layout's not-found
 * boundary, Next falls back to a client-rendered error shell. The page decides; an unknown
 * article just gets no metadata of its own (not-found.tsx supplies the title).
 */
export async function articleMetadata(params: ArticleParams, commentPage = 1): Promise<Metadata> {
  const lookup = await getArticle(await params)
  if (lookup.status !== 'found') return {}
  const { article } = lookup
  const url = absoluteUrl(commentPageHref(article.href, commentPage))
  const image = article.ogImage ?? article.hero
  const images = image ? [{ url: absoluteUrl(image.src), width: image.width, height: image.height, alt: image.alt }] : undefined
  // Search and sharing overrides from the SEO fields, else the article's own title and excerpt.
  const description = article.seo.description ?? article.excerpt ?? undefined
  const title = article.seo.title ?? article.title
  return {
    title: article.seo.title ? { absolute: article.seo.title } : article.title,
    description,
    alternates: { canonical: url },
    authors: article.authors.map((a) => ({ name: a.name, url: absoluteUrl(a.href) })),
    openGraph: {
      type: 'article',
      url,
      title,
      description,
      siteName: SITE_NAME,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      section: article.category.name,
      authors: article.authors.map((a) => absoluteUrl(a.href)),
      images,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title, description, images: images?.map((i) => i.url) },
  }
}

/**
 * The article page (the reference page). Rendered once and cached for every reader, with tags
 * for each document it shows; a reader with comment cookies or a reply link is rewritten to the
 * per-request variant (next.config.ts), which passes their `reader` state.
 */
export async function ArticlePage({
  params,
  reader,
  commentPage = 1,
  draft,
}: {
  params: ArticleParams
  reader: ReaderState | null
  commentPage?: number
  /** A staff preview's draft (src/preview), shown instead of the published article. */
  draft?: ArticleView
}) {
  const article = draft ?? (await loadArticle(params))
  const commentCookies = reader ? readCommentCookies({ get: reader.cookie }) : null
  const [trail, comments, popular, reply, related] = await Promise.all([
    getCategoryPath({ slug: article.category.slug }),
    getApprovedComments({ articleId: article.id }),
    getMostPopular({ limit: 5, excludeId: article.id }),
    getReplyContext({ article, pendingCookie: commentCookies?.pendingCookie }),
    getRelatedArticles({ article }),
  ])
  // Comment page N exists while the thread is long enough; approvals and deletions move the last page.
  const commentsShown = pageOfThread(comments.thread, { page: commentPage, perPage: reply.commentsPerPage })
  if (!commentsShown) notFound()

  const replyDepth = reply.closed ? 0 : reply.threadDepth
  const saved = commentCookies?.saved ?? null
  const replyToId = reader?.replyToCom
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
                updatedAt={article.updatedAt}
              />
            </header>
            {article.hero ? (
              <MediaFigure className="article__hero" image={article.hero} sizes="(min-width: 72rem) 46rem, (min-width: 48rem) 70vw, 100vw" priority />
            ) : null}
            {article.content ? <ArticleBody content={article.content} /> : null}
            {article.tags.length > 0 ? (
              <nav className="article__tags" aria-label="Tags">
                <ul>
                  {article.tags.map((t) => (
                    <li key={t.id}>
                      <a href={t.href} rel="tag">
                        {t.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
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
          <RelatedStories articles={related} />
          <CommentThread
            thread={withPending(commentsShown.thread, reply.pending)}
            count={comments.count}
            replyDepth={replyDepth}
            articleHref={article.href}
            page={commentsShown.page}
            totalPages={commentsShown.totalPages}
          />
          <ReplySlot
            closed={reply.closed}
            articleId={article.id}
            articlePath={article.href}
            formToken={reply.formToken}
            replyTo={replyTo}
            initial={{
              body: '',
              authorName: saved?.authorName ?? '',
              authorEmail: saved?.authorEmail ?? '',
              authorUrl: saved?.authorUrl ?? '',
            }}
            remember={saved !== null}
          />
        </div>
        <MostPopular data={popular} />
      </div>
      <JsonLd data={newsArticleJsonLd(article)} />
      {/* Counts the view for Most Popular after load; the same for every reader, so the page stays cached. */}
      <ViewBeacon articleId={article.id} />
    </>
  )
}
