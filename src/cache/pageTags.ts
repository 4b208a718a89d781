import type { ArticleSummary, ArticleView } from '@/lib/articles/types'

import { tag } from './tags'

/** The documents a list of article cards shows: the articles, their authors' names, their images. */
export function summaryTags(summaries: ArticleSummary[]): string[] {
  return summaries.flatMap((summary) => [
    tag.article(summary.id),
    ...summary.authors.map((author) => tag.author(author.id)),
    ...(summary.image ? [tag.media] : []),
  ])
}

/** The documents the article page shows of the article itself: its byline, cast, images and comments. */
export function articlePageTags(article: ArticleView): string[] {
  return [
    tag.article(article.id),
    tag.articleUrl(article.slug),
    tag.comments(article.id),
    tag.discussion,
    // The hero, avatars, cast photos and uploads in the body: one tag covers every image.
    tag.media,
    ...article.authors.map((author) => tag.author(author.id)),
    ...article.cast.map((member) => tag.cast(member.id)),
    ...article.tags.map((shown) => tag.articleTag(shown.id)),
  ]
}
