import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Article } from '@/payload-types'

import { NOTIFIED } from '@/access/roles'
import { notificationsDisabled } from '@/email/notificationContext'
import { reviewEmails } from '@/email/reviewEmails'
import { afterResponse } from '@/lib/afterResponse'
import { articleHref } from '@/lib/urls'

import type { ReviewNoticeDeps, StaffMember } from '@/articles/reviewNotices'

import { reviewEventOf, reviewRecipients, reviewToast } from '@/articles/reviewNotices'
import { readReview } from '@/articles/review'
import { setReviewOutcome } from './announceReviewOutcome'
import { relationId } from '@/lib/relationId'

/** The staff accounts as the review notices need them, read as the system inside the request. */
function payloadReviewDeps(req: PayloadRequest): ReviewNoticeDeps {
  const { payload } = req
  const find = async (where: Parameters<typeof payload.find>[0]['where']): Promise<StaffMember[]> =>
    (
      await payload.find({ req, collection: 'users', where, overrideAccess: true, depth: 0, pagination: false, select: { name: true, email: true, roles: true } })
    ).docs.map((user) => ({ id: String(user.id), name: user.name, email: user.email, roles: user.roles ?? [] }))
  return {
    editors: async () => {
      const { first, otherwise } = NOTIFIED.submittedDrafts
      const editors = await find({ roles: { in: [...first] } })
      return editors.length > 0 ? editors : find({ roles: { in: [...otherwise] } })
    },
    member: async (id) => (await find({ id: { equals: id } }))[0] ?? null,
    bylineAccounts: async (authorIds) => {
      if (authorIds.length === 0) return []
      const { docs } = await payload.find({ req, collection: 'authors', where: { id: { in: authorIds } }, overrideAccess: true, depth: 0, pagination: false, select: { user: true } })
      const userIds = docs.map((author) => relationId(author.user)).filter((id): id is string => id !== null)
      return userIds.length === 0 ? [] : find({ id: { in: userIds } })
    },
  }
}

/**
 * Tells people about the review (src/articles/reviewNotices.ts decides who): editors when a draft is
 * submitted, the contributor when an editor sends it back (with the note) and when it is
 * published, whether by an editor or by a scheduled job. The recipients are read in the request,
 * so the toast can name them (./announceReviewOutcome.ts); the mail goes after the response, and a failure is logged, never
 * the editor's problem. Bulk writes (seed, import) set a context flag and send nothing.
 */
export const sendReviewNotices: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, operation, req, context }) => {
  if (notificationsDisabled(context)) return doc
  const previous = operation === 'update' ? previousDoc : undefined
  const before = readReview(previous?.review)
  const event = reviewEventOf({
    before,
    after: readReview(doc.review),
    previousStatus: previous?._status ?? null,
    status: doc._status ?? null,
    firstPublish: !previous?.publishedAt,
    autosave: String(req.query?.autosave) === 'true',
  })
  if (!event) return doc

  const { payload } = req
  const recipients = await reviewRecipients({
    event,
    submittedBy: event === 'sent-back' ? readReview(doc.review).submittedBy : before.submittedBy,
    authorIds: (doc.authors ?? []).map(relationId).filter((id): id is string => id !== null),
    actorId: req.user ? String(req.user.id) : null,
    deps: payloadReviewDeps(req),
  })
  // Said by the toast (./announceReviewOutcome.ts), once the operation is over.
  setReviewOutcome(req, reviewToast({ event, recipients }))
  if (recipients.length === 0) return doc

  let path: string | null = null
  if (event === 'published') {
    const categoryId = relationId(doc.category)
    const category = categoryId
      ? (await payload.find({ req, collection: 'categories', where: { id: { equals: categoryId } }, overrideAccess: true, depth: 0, limit: 1, select: { slug: true } })).docs[0]
      : undefined
    path = category ? articleHref({ categorySlug: category.slug, slug: doc.slug }) : null
  }
  const emails = reviewEmails({
    event,
    article: { id: String(doc.id), title: doc.title, path },
    actorName: req.user && 'name' in req.user && typeof req.user.name === 'string' ? req.user.name : null,
    note: readReview(doc.review).note,
    recipients,
    links: { origin: payload.config.serverURL, adminRoute: payload.config.routes.admin },
  })
  await afterResponse(() => {
    for (const email of emails) {
      payload.sendEmail(email).catch((error: unknown) => {
        payload.logger.error({ err: error, msg: 'review notification not sent', article: doc.id, to: email.to, subject: email.subject })
      })
    }
  })
  return doc
}
