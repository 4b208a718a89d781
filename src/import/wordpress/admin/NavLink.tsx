import type { ServerProps } from 'payload'

import Link from 'next/link'
import { formatAdminURL } from 'payload/shared'

import { isAdminUser } from '@/access/isAdmin'

import { IMPORT_VIEW_PATH } from './paths'

/** The import screen's entry in the admin navigation, for admins only. */
export function ImportNavLink({ payload, user, params }: ServerProps) {
  if (!isAdminUser(user)) return null
  const segments = params?.segments
  const active = Array.isArray(segments) && `/${segments.join('/')}` === IMPORT_VIEW_PATH
  return (
    <Link href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: IMPORT_VIEW_PATH })} className="nav__link" id="nav-wordpress-import" prefetch={false} aria-current={active ? 'page' : undefined}>
      {active ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">Import from WordPress</span>
    </Link>
  )
}
