import type { ListViewServerProps } from 'payload'

import { ArticleScopeToggle } from './ArticleScopeToggle.client'
import { initialScope, SCOPE_PREFERENCE } from './scope'

/**
 * Above the article list: "My articles / All articles". Looks up the user's bylines and their last
 * choice on the server; the toggle (a client component) applies it as an ordinary list filter, so
 * the filter shows in Payload's filter bar and can be changed there like any other.
 */
export async function ArticleScope({ payload, user }: Pick<ListViewServerProps, 'payload' | 'user'>) {
  if (!user) return null
  const [{ docs: profiles }, { docs: preferences }] = await Promise.all([
    payload.find({ collection: 'authors', where: { user: { equals: user.id } }, depth: 0, pagination: false, select: { slug: true }, overrideAccess: true }),
    payload.find({
      collection: 'payload-preferences',
      where: { and: [{ key: { equals: SCOPE_PREFERENCE } }, { 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: 'users' } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    }),
  ])
  // Without a byline there is nothing to call "mine".
  if (profiles.length === 0) return null
  return <ArticleScopeToggle authorIds={profiles.map((profile) => profile.id)} scope={initialScope({ user, stored: preferences[0]?.value })} />
}
