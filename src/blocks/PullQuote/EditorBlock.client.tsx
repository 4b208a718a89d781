'use client'
/** The pull quote in the article editor: the quote as readers will see it, above its fields (#11). */
import { useFormFields } from '@payloadcms/ui'

import { BlockFrame } from '../editor/BlockFrame.client'
import { BlockOtherFields } from '../editor/BlockOtherFields.client'
import { BlockTextField } from '../editor/BlockTextField.client'

export function PullQuoteEditorBlock() {
  const quote = useFormFields(([fields]) => fields.quote?.value as string | undefined)
  const attribution = useFormFields(([fields]) => fields.attribution?.value as string | undefined)
  return (
    <BlockFrame
      label="Pull quote"
      preview={
        <figure className="byline-block-preview byline-block-preview--quote">
          <blockquote>
            <p>{quote?.trim() ? quote : <span className="byline-block-preview__empty">The quote appears here.</span>}</p>
          </blockquote>
          <figcaption>— {attribution?.trim() ? attribution : <span className="byline-block-preview__empty">who said it</span>}</figcaption>
        </figure>
      }
    >
      <BlockTextField path="quote" label="Quote" required multiline />
      <BlockTextField
        path="attribution"
        label="Attribution"
        required
        description='Who said it, as readers should see it: "Joe Locke", "Patrick Walters, executive producer".'
      />
      <BlockOtherFields names={['castMember']} />
    </BlockFrame>
  )
}
