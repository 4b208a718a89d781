import type { UIFieldServerComponent } from 'payload'

import { formatAdminURL } from 'payload/shared'

import { isStaffUser } from '@/access/isStaff'
import { findMediaUsage, type MediaUse } from '@/media/usage'

const LABELS: Record<MediaUse['collection'], string> = { articles: 'Article', pages: 'Page', authors: 'Author', cast: 'Cast member' }

/**
 * "Used in" on an image's edit page: the articles and pages that show it (hero, sharing image,
 * body), and the authors and cast members it portrays, each linked to its edit page. Rendered on
 * the server for staff only, with what the viewer may read (src/media/usage.ts); a new upload has no uses.
 */
export const MediaUsage: UIFieldServerComponent = async ({ id, req }) => {
  if (!id || !isStaffUser(req.user)) return null
  const { uses, more } = await findMediaUsage({ req, id: String(id) })
  const adminRoute = req.payload.config.routes.admin
  return (
    <section className="field-type media-usage" aria-labelledby="media-usage-heading" data-testid="media-usage">
      <h3 id="media-usage-heading" className="field-label">
        Used in
      </h3>
      {uses.length === 0 ? (
        <p>Not used anywhere yet.</p>
      ) : (
        <ul>
          {uses.map((use) => (
            <li key={`${use.collection}:${use.id}`}>
              <a href={formatAdminURL({ adminRoute, path: `/collections/${use.collection}/${use.id}` })}>{use.title || 'Untitled'}</a>{' '}
              <span className="media-usage__places">
                ({LABELS[use.collection]}
                {use.status === 'draft' ? ', draft' : ''}: {use.places.join(', ')})
              </span>
            </li>
          ))}
        </ul>
      )}
      {more ? <p>And more: only the first 50 of each kind are listed.</p> : null}
    </section>
  )
}
