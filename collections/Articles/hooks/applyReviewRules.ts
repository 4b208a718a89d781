import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { Article } from '@/payload-types'

import { changeReview, readReview } from '@/articles/review'

/** The fields an editor needs before a submission is worth their time, by label. */
const REQUIRED_FOR_REVIEW: [field: keyof Article, label: string][] = [
  ['title', 'Title'],
  ['category', 'Category'],
  ['authors', 'Authors'],
]

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/**
 * Applies the review rules (src/articles/review.ts) to every write: stamps who submitted and when,
 * insists on a note when an editor sends a draft back, and closes the review when the article is
 * published, whether by an editor's click or by a scheduled job. Field access has already removed
 * any review change the user may not make, so what arrives here is allowed.
 */
export const applyReviewRules: CollectionBeforeChangeHook<Article> = ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const result = changeReview({
    before: readReview(originalDoc?.review),
    requested: readReview({ ...originalDoc?.review, ...data.review }),
    publishing: merged._status === 'published',
    autosave: String(req.query?.autosave) === 'true',
    missing: REQUIRED_FOR_REVIEW.filter(([field]) => isEmpty(merged[field])).map(([, label]) => label),
    userId: req.user ? String(req.user.id) : null,
    now: new Date(),
  })
  if (!result.ok) {
    throw new ValidationError({ collection: 'articles', errors: [{ path: result.field, message: result.message }], req }, req.t)
  }
  return { ...data, review: result.review }
}
