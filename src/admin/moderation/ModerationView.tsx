import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'

import { ModerationQueue } from './ModerationQueue.client'
import { loadQueue, parsePage, parseStatus } from './queue'
import { hasCommentQueue, QUEUE_PATH } from './roles'

import './moderation.scss'

const messages = {
  noQueue: 'Your account has no moderation queue. Comments are moderated by moderators, editors and admins.',
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * /admin/moderation: comments by status, pending first, with the actions the signed-in account
 * may take. Payload lets custom views through without its admin-access check, so this view
 * sends visitors to the login page itself.
 */
export async function ModerationView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  const queueHref = formatAdminURL({ adminRoute, path: QUEUE_PATH })
  if (!user) redirect(`${formatAdminURL({ adminRoute, path: payload.config.admin.routes.login })}?redirect=${encodeURIComponent(queueHref)}`)
  if (!permissions.canAccessAdmin) redirect(formatAdminURL({ adminRoute, path: payload.config.admin.routes.unauthorized }))

  const queue = hasCommentQueue(user)
    ? await loadQueue({ req, status: parseStatus(one(searchParams?.status)), page: parsePage(one(searchParams?.page)) })
    : null

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      viewType="moderation"
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: 'Moderation queue' }]} />
      <Gutter className="moderation">
        <h1 className="moderation__title">Moderation queue</h1>
        {queue ? (
          <ModerationQueue
            // A tab or page of its own starts afresh: no selection, nothing hidden as already moved.
            key={`${queue.status}:${queue.page}`}
            {...queue}
            canModerate={Boolean(permissions.collections?.comments?.update)}
            queueHref={queueHref}
            apiURL={`${payload.config.serverURL}${payload.config.routes.api}`}
            adminRoute={adminRoute}
          />
        ) : (
          <p>{messages.noQueue}</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
