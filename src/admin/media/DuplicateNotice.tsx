import type { UIFieldServerComponent } from 'payload'

import { formatAdminURL } from 'payload/shared'

import { findDuplicates } from '@/media/contentHash'

/**
 * The warning at the top of an image's edit page when its file is byte for byte one uploaded
 * before (src/media/contentHash.ts): it names the earlier upload and links to it, so the writer
 * can use that one and delete this copy. The upload is kept (warn, not refuse): see contentHash.ts.
 * An earlier copy the viewer may not read is mentioned without its name.
 */
export const DuplicateNotice: UIFieldServerComponent = async ({ id, data, req }) => {
  const hash = typeof data?.contentHash === 'string' ? data.contentHash : null
  const createdAt = typeof data?.createdAt === 'string' ? data.createdAt : null
  if (!id || !hash || !createdAt || !req.user) return null
  const { readable, hidden } = await findDuplicates({ req, id, hash, createdAt })
  if (readable.length === 0 && hidden === 0) return null
  const adminRoute = req.payload.config.routes.admin
  return (
    <section className="media-duplicate" role="status" aria-labelledby="media-duplicate-heading" data-testid="media-duplicate">
      <h2 id="media-duplicate-heading" className="media-duplicate__heading">
        This file is already in the library
      </h2>
      {readable.length > 0 ? (
        <p>
          The same file was uploaded before as{' '}
          {readable.map((copy, index) => (
            <span key={copy.id}>
              {index > 0 ? ', ' : ''}
              <a href={formatAdminURL({ adminRoute, path: `/collections/media/${copy.id}` })}>“{copy.alt}”</a>
              {copy.filename ? ` (${copy.filename})` : ''}
            </span>
          ))}
          {hidden > 0 ? `, and ${hidden} more you cannot open` : ''}. Use that one in your article, and delete this copy if it was uploaded by mistake.
        </p>
      ) : (
        <p>The same file was uploaded before by someone else. Ask an editor before using this copy.</p>
      )}
    </section>
  )
}
