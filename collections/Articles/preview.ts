import type { CollectionConfig, Endpoint, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { hasRole, ROLES } from '@/access/roles'
import { previewLink } from '@/preview/links'
import { LIVE_PREVIEW_TTL_MS, SHARED_LINK_TTL_MS } from '@/preview/token'

/**
 * Previews of article drafts in the real article page (src/preview): live preview beside the
 * editor at phone, tablet and desktop widths, the Preview button, and "Copy preview link".
 */

const HOUR_MS = 60 * 60 * 1000

const linkFor = (req: PayloadRequest, articleId: string, ttlMs: number, stepMs?: number) =>
  previewLink({ serverURL: req.payload.config.serverURL, secret: req.payload.secret, articleId, ttlMs, stepMs })

export const articleLivePreview: NonNullable<CollectionConfig['admin']>['livePreview'] = {
  url: ({ data, req }) => (data?.id ? linkFor(req, String(data.id), LIVE_PREVIEW_TTL_MS, HOUR_MS).url : null),
  breakpoints: [
    { label: 'Mobile', name: 'mobile', width: 375, height: 667 },
    { label: 'Tablet', name: 'tablet', width: 768, height: 1024 },
    { label: 'Desktop', name: 'desktop', width: 1440, height: 900 },
  ],
}

/** The admin's Preview button: the draft in a new tab, through a link that lasts a working day. */
export const articlePreviewUrl: NonNullable<CollectionConfig['admin']>['preview'] = (doc, { req }) =>
  typeof doc.id === 'string' ? linkFor(req, doc.id, SHARED_LINK_TTL_MS).url : null

const messages = {
  notStaff: 'Preview links are for the newsroom: log in to the admin.',
  notFound: 'No article with this id that you may read.',
}

/**
 * GET /api/articles/:id/preview-link → { url, expiresAt }: a link to the draft for "Copy preview
 * link". Anyone in the newsroom who may read the article's draft may have one.
 */
export const previewLinkEndpoint: Endpoint = {
  path: '/:id/preview-link',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req.user, ...ROLES)) throw new APIError(messages.notStaff, 401, null, true)
    const id = String(req.routeParams?.id ?? '')
    const article = await req.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, select: { slug: true }, overrideAccess: false, disableErrors: true, req })
    if (!article) throw new APIError(messages.notFound, 404, null, true)
    return Response.json(linkFor(req, article.id, SHARED_LINK_TTL_MS))
  },
}
