import type { Payload, TypedUser } from 'payload'

import { hasRole, ROLES } from '@/access/roles'
import { articleHref } from '@/lib/urls'

import { verifyPreviewToken } from './token'

export const previewMessages = {
  notStaff: 'Previews are for the newsroom: log in to the admin (/admin) and open the link again.',
  malformed: 'This preview link is incomplete. Copy it again from the article in the admin.',
  forged: 'This preview link is not valid. Copy it again from the article in the admin.',
  expired: 'This preview link has expired. Copy a new one from the article in the admin.',
  missing: 'The article this preview link was made for no longer exists.',
  unplaced: 'This draft has no address yet: give it a title and a category, then preview it again.',
}

type OpenedPreview =
  | { ok: true; href: string; token: string; expiresAt: Date }
  | { ok: false; status: 401 | 403 | 404 | 409 | 410; message: string }

/**
 * The preview route's decision, free of Next: a logged-in newsroom account with a valid, unexpired
 * token for an existing article is sent to the article's URL, carrying the token as a cookie.
 */
export async function openPreview({
  payload,
  user,
  token,
  now = Date.now(),
}: {
  payload: Payload
  user: TypedUser | null | undefined
  token: string | null
  now?: number
}): Promise<OpenedPreview> {
  if (!hasRole(user, ...ROLES)) return { ok: false, status: 401, message: previewMessages.notStaff }
  const check = verifyPreviewToken({ secret: payload.secret, token, now })
  if (!check.ok) return { ok: false, status: check.reason === 'expired' ? 410 : 403, message: previewMessages[check.reason] }
  const draft = await payload.findByID({
    collection: 'articles',
    id: check.articleId,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
    depth: 1,
    select: { slug: true, category: true },
    populate: { categories: { slug: true } },
  })
  if (!draft) return { ok: false, status: 404, message: previewMessages.missing }
  const category = typeof draft.category === 'object' && draft.category !== null ? draft.category.slug : null
  if (!draft.slug || !category) return { ok: false, status: 409, message: previewMessages.unplaced }
  return { ok: true, href: articleHref({ categorySlug: category, slug: draft.slug }), token: token ?? '', expiresAt: new Date(check.expiresAt) }
}
