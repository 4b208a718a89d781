import type { RelationshipFieldDiffServerComponent } from 'payload'

import { editorName, editorNames } from './editorNames'

/**
 * The compare view's "Saved by" line: the names of the two versions' authors. Payload's own
 * relationship diff shows the related document as the reader may read it, and writers and
 * contributors cannot read other accounts, so they would see bare ids.
 */
export const EditorDiff: RelationshipFieldDiffServerComponent = async ({ req, comparisonValue, versionValue }) => {
  const names = await editorNames({ req, ids: [comparisonValue, versionValue] })
  const before = editorName(names, comparisonValue)
  const after = editorName(names, versionValue)
  return (
    <div className="field-diff editor-diff" data-testid="version-editor-diff">
      <div className="field-diff__label">Saved by</div>
      <p>{before === after ? after : `${before} → ${after}`}</p>
    </div>
  )
}
