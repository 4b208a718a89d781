/**
 * How "Related stories" ranks candidates, without a database: what a candidate shares with the
 * article weighs more the more specific it is (a tag or a cast member over the whole category),
 * and the newer of two equal candidates wins.
 */

const RELATED_LIMIT = 4

/** Only this many candidates are read, newest first: an old article sharing one tag is not worth a scan. */
export const RELATED_CANDIDATES = 40

const WEIGHT = { tag: 3, cast: 2, category: 1 } as const

type RelatedSubject = { id: string; categoryId: string | null; tagIds: string[]; castIds: string[] }
export type RelatedCandidate = RelatedSubject & { publishedAt: string | null }

/** The score of one candidate: 0 when it shares nothing, and never for the article itself. */
export function relatedScore(subject: RelatedSubject, candidate: RelatedSubject): number {
  if (candidate.id === subject.id) return 0
  const shared = (mine: string[], theirs: string[]) => theirs.filter((id) => mine.includes(id)).length
  return (
    WEIGHT.tag * shared(subject.tagIds, candidate.tagIds) +
    WEIGHT.cast * shared(subject.castIds, candidate.castIds) +
    (subject.categoryId !== null && candidate.categoryId === subject.categoryId ? WEIGHT.category : 0)
  )
}

/** The ids of the best candidates, best first, at most `limit`. */
export function rankRelated(subject: RelatedSubject, candidates: RelatedCandidate[], limit = RELATED_LIMIT): string[] {
  const time = (value: string | null) => (value ? Date.parse(value) || 0 : 0)
  return candidates
    .map((candidate) => ({ id: candidate.id, score: relatedScore(subject, candidate), at: time(candidate.publishedAt) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || b.at - a.at || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((entry) => entry.id)
}
