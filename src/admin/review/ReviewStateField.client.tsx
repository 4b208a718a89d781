'use client'

import type { SelectFieldClientComponent } from 'payload'

import { SelectField, useAuth, useFormFields } from '@payloadcms/ui'

import { EDITORS, hasRole } from '@/access/roles'

type Hint = Record<'editor' | 'author', string>

const HINTS: Record<string, Hint> = {
  none: {
    editor: 'Not submitted. Contributors submit their drafts here for an editor to publish.',
    author: 'When the draft is ready, press “Submit for review” at the top: an editor publishes it or sends it back with a note.',
  },
  submitted: {
    editor: 'Waiting for an editor: publish it, or choose “Changes requested”, write the author a note and press “Save draft” to send it back.',
    author: 'Submitted. An editor will publish it or send it back with a note.',
  },
  'changes-requested': {
    editor: 'Sent back to the author with the note below.',
    author: 'An editor sent this draft back: read the note below, make the changes, then submit it again.',
  },
}

/**
 * The review state, with what it means for the person looking. Only editors change it here;
 * authors submit with the button beside Save (./SubmitForReviewButton.tsx), because the server
 * accepts nothing else from them (src/access/canSetReviewState.ts).
 */
export const ReviewStateField: SelectFieldClientComponent = (props) => {
  const { user } = useAuth()
  const isEditor = hasRole(user, ...EDITORS)
  const state = useFormFields(([fields]) => fields[props.path]?.value)
  const hint = HINTS[typeof state === 'string' ? state : 'none'] ?? HINTS.none
  return (
    <div className="review-state" data-review-state={typeof state === 'string' ? state : 'none'}>
      <SelectField {...props} readOnly={props.readOnly || !isEditor} />
      <p className="field-description review-state__hint">{isEditor ? hint?.editor : hint?.author}</p>
    </div>
  )
}
