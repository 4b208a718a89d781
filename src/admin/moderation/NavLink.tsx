import type { ServerProps } from 'payload'

import Link from 'next/link'
import { formatAdminURL } from 'payload/shared'

import { hasCommentQueue } from '@/access/hasCommentQueue'

import { QUEUE_PATH } from './roles'

import './moderation.scss'

/**
 * The queue's entry in the admin navigation, with the number of comments waiting (counted as the
 * signed-in account, so a writer sees those on their own articles).
 */
export async function ModerationNavLink({ payload, user, params }: ServerProps) {
  if (!user || !hasCommentQueue(user)) return null
  const { totalDocs: pending } = await payload.count({
    collection: 'comments',
    where: { status: { equals: 'pending' } },
    overrideAccess: false,
    user,
  })
  const href = formatAdminURL({ adminRoute: payload.config.routes.admin, path: QUEUE_PATH })
  const segments = params?.segments
  const active = Array.isArray(segments) && `/${segments[0]}` === QUEUE_PATH
  return (
    <Link href={href} className="nav__link moderation-nav" id="nav-moderation" prefetch={false} aria-current={active ? 'page' : undefined}>
      {active ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">Moderation queue</span>
      {pending > 0 ? (
        <span className="moderation-nav__badge" data-testid="moderation-badge">
          {pending}
          <span className="moderation__sr-only"> pending</span>
        </span>
      ) : null}
    </Link>
  )
}
