import type { Payload, TypedUser, Where } from 'payload'

import type { Article, User } from '@/payload-types'

import type { ReviewState } from '@/articles/review'

import { BYLINE_ONLY, EDITORS, MODERATORS, WRITERS, hasRole } from '@/access/roles'

/**
 * What the dashboard shows each role (issue #5: "what needs them"). Article reads run as the
 * user (overrideAccess: false), so the dashboard never lists what the user could not open.
 */

export type DashboardArticle = {
  id: string
  title: string
  reviewState: ReviewState
  note: string | null
  submittedAt: string | null
  submittedBy: string | null
  updatedAt: string
}

export type ScheduledArticle = { id: string; title: string; at: string; type: 'publish' | 'unpublish' }

type DashboardData = {
  awaitingReview: DashboardArticle[] | null
  pendingComments: number | null
  scheduled: ScheduledArticle[] | null
  myDrafts: DashboardArticle[] | null
}

const LIMIT = 20

type Args = { payload: Payload; user: TypedUser | null | undefined }

const toItem = (doc: Article): DashboardArticle => {
  const submitter = doc.review?.submittedBy
  return {
    id: doc.id,
    title: doc.title || 'Untitled draft',
    reviewState: doc.review?.state ?? 'none',
    note: doc.review?.note ?? null,
    submittedAt: doc.review?.submittedAt ?? null,
    submittedBy: typeof submitter === 'object' && submitter !== null ? (submitter as User).name : null,
    updatedAt: doc.updatedAt,
  }
}

async function findDrafts({ payload, user }: Args, where: Where) {
  const { docs } = await payload.find({
    collection: 'articles',
    draft: true,
    where: { and: [{ _status: { equals: 'draft' } }, where] },
    sort: '-updatedAt',
    limit: LIMIT,
    depth: 1,
    select: { title: true, review: true, updatedAt: true },
    populate: { users: { name: true } },
    overrideAccess: false,
    user,
  })
  return (docs as Article[]).map(toItem)
}

/** Drafts contributors submitted, oldest submission first: the queue an editor works through. */
async function awaitingReview(args: Args): Promise<DashboardArticle[]> {
  const items = await findDrafts(args, { 'review.state': { equals: 'submitted' } })
  return items.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
}

/** The user's own drafts (under their author profiles), newest first, with where each stands in review. */
async function myDrafts(args: Args): Promise<DashboardArticle[]> {
  if (!args.user) return []
  const { docs: profiles } = await args.payload.find({
    collection: 'authors',
    where: { user: { equals: args.user.id } },
    depth: 0,
    pagination: false,
    select: { slug: true },
    overrideAccess: true,
  })
  if (profiles.length === 0) return []
  return findDrafts(args, { authors: { in: profiles.map((profile) => profile.id) } })
}

/** Comments waiting for a moderator. */
async function pendingComments({ payload, user }: Args): Promise<number> {
  const { totalDocs } = await payload.count({ collection: 'comments', where: { status: { equals: 'pending' } }, overrideAccess: false, user })
  return totalDocs
}

/**
 * Articles with a publish or unpublish scheduled, soonest first. The schedules live in Payload's
 * jobs queue, which no account reads directly; the articles are then read as the user.
 */
async function scheduledArticles({ payload, user }: Args): Promise<ScheduledArticle[]> {
  const { docs: jobs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { 'input.doc.relationTo': { equals: 'articles' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    sort: 'waitUntil',
    limit: LIMIT,
    depth: 0,
    overrideAccess: true,
  })
  const schedules = jobs.flatMap((job) => {
    const input = job.input as { type?: string; doc?: { value?: unknown } } | null
    const id = input?.doc?.value
    if (typeof id !== 'string' || !job.waitUntil) return []
    return [{ id, at: job.waitUntil, type: input?.type === 'unpublish' ? ('unpublish' as const) : ('publish' as const) }]
  })
  if (schedules.length === 0) return []
  const { docs } = await payload.find({
    collection: 'articles',
    draft: true,
    where: { id: { in: schedules.map((schedule) => schedule.id) } },
    depth: 0,
    pagination: false,
    select: { title: true },
    overrideAccess: false,
    user,
  })
  const titles = new Map(docs.map((doc) => [doc.id, doc.title || 'Untitled draft']))
  return schedules.flatMap((schedule) => {
    const title = titles.get(schedule.id)
    return title === undefined ? [] : [{ ...schedule, title }]
  })
}

/** Each panel for the roles it concerns; null where the role has nothing to do with it. */
export async function loadDashboard(args: Args): Promise<DashboardData> {
  const { user } = args
  const [review, comments, scheduled, drafts] = await Promise.all([
    hasRole(user, ...EDITORS) ? awaitingReview(args) : null,
    hasRole(user, ...MODERATORS) ? pendingComments(args) : null,
    hasRole(user, ...WRITERS) ? scheduledArticles(args) : null,
    hasRole(user, ...BYLINE_ONLY) ? myDrafts(args) : null,
  ])
  return { awaitingReview: review, pendingComments: comments, scheduled, myDrafts: drafts }
}
