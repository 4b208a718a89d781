import 'server-only'

import type { Where } from 'payload'
import type { RelatedCandidate } from '../relatedStories'
import type { ArticleSummary, ArticleView } from './types'

import { summaryTags } from '@/cache/pageTags'
import { remember } from '@/cache/records'
import { tag } from '@/cache/tags'
import { getPayloadClient } from '../payload'
import { relationId, relationIds } from '../relationId'
import { RELATED_CANDIDATES, rankRelated } from '../relatedStories'
import { tagPage } from '@/cache/tagPage'
import { summariesByIds } from './cards'

const RELATED_SELECT = { publishedAt: true, category: true, tags: true, cast: true } as const

/** The newest published articles matching `where`, other than this one, with what they are filed under. */
async function relatedCandidates({ articleId, where }: { articleId: string; where: Where }): Promise<RelatedCandidate[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: { and: [{ id: { not_equals: articleId } }, where] },
    sort: '-publishedAt',
    limit: RELATED_CANDIDATES,
    pagination: false,
    depth: 0,
    select: RELATED_SELECT,
  })
  return docs.map((doc) => ({ id: doc.id, categoryId: relationId(doc.category), tagIds: relationIds(doc.tags), castIds: relationIds(doc.cast), publishedAt: doc.publishedAt ?? null }))
}

/**
 * "Related stories" under an article: published articles sharing its tags, cast or category,
 * ranked by src/lib/relatedStories.ts. Candidates are read per relation (the newest sharing a
 * tag, a cast member, the category), so a busy category cannot crowd out an older story on the
 * same tag. Which ids rank is remembered under the lists the candidates come from, so an article
 * joining or leaving one of them (published, unpublished, retagged) expires it; the cards are
 * read as the public at each render, so an article unpublished since is left out.
 */
export async function getRelatedArticles({ article }: { article: Pick<ArticleView, 'id' | 'category' | 'tags' | 'cast'> }): Promise<ArticleSummary[]> {
  const subject = { id: article.id, categoryId: article.category.id, tagIds: article.tags.map((t) => t.id), castIds: article.cast.map((c) => c.id) }
  const ids = await remember({
    key: `related:${JSON.stringify(subject)}`,
    tags: [tag.inCategory(subject.categoryId), ...subject.tagIds.map(tag.taggedWith), ...subject.castIds.map(tag.featuringCast)],
    load: async () => {
      const lists = await Promise.all([
        relatedCandidates({ articleId: subject.id, where: { category: { equals: subject.categoryId } } }),
        subject.tagIds.length > 0 ? relatedCandidates({ articleId: subject.id, where: { tags: { in: subject.tagIds } } }) : [],
        subject.castIds.length > 0 ? relatedCandidates({ articleId: subject.id, where: { cast: { in: subject.castIds } } }) : [],
      ])
      const unique = new Map(lists.flat().map((candidate) => [candidate.id, candidate]))
      return rankRelated(subject, [...unique.values()])
    },
  })
  if (ids.length === 0) return []
  const position = new Map(ids.map((id, index) => [id, index]))
  const related = (await summariesByIds(ids)).sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
  // The stories shown refresh the page when they change or are unpublished. A story newly
  // published on the same tag, cast or category is not subscribed to, so that one publish does
  // not expire every article page of its category: it appears when the page is next regenerated,
  // within the route's `revalidate` (an hour) at most.
  await tagPage(summaryTags(related))
  return related
}
