import type { Access, CollectionConfig } from 'payload'

import { anyone } from './anyone'
import { isEditorOrAbove } from './isEditorOrAbove'
import { isWriterOrAbove } from './isWriterOrAbove'

/**
 * The rules for what an article credits and is filed under (authors, cast, tags): the public reads
 * them, writers add them while writing, and deleting one takes it off every article that shows it,
 * so that is an editor's decision. Who may edit one differs, so each collection names its own.
 */
export const writersAddEditorsDelete = ({ update }: { update: Access }): CollectionConfig['access'] => ({
  read: anyone,
  create: isWriterOrAbove,
  update,
  delete: isEditorOrAbove,
})
