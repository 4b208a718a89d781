'use client'
/**
 * The frame of our Lexical blocks in the article editor (#11 items 4 and 5), used through each
 * block's `admin.components.Block`, the official way to replace a block's editor view.
 *
 * Why our own instead of Payload's default block view:
 * - a preview of how the block reads on the page sits above its fields;
 * - the block's fields get ids unique to the block, and labels that point at them: Payload's
 *   default renders `label for="field-url-<uuid>"` against `id="field-url"`, and the video block's
 *   `#field-title` collided with the headline's;
 * - the remove button has a name ("Remove pull quote"), where Payload's is an unnamed icon;
 * - when publishing is refused because this block is incomplete, the writer is taken to the first
 *   invalid field instead of being left with a toast.
 */
import type { ReactNode } from 'react'

import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { $getNodeByKey } from '@payloadcms/richtext-lexical/lexical'
import { useBlockComponentContext } from '@payloadcms/richtext-lexical/client'
import { useFormFields, useFormSubmitted } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

export function BlockFrame({ label, preview, children }: { label: string; preview: ReactNode; children: ReactNode }) {
  const { BlockCollapsible, nodeKey } = useBlockComponentContext()
  const [editor] = useLexicalComposerContext()
  const submitted = useFormSubmitted()
  const ref = useRef<HTMLDivElement>(null)
  // The block's own form knows which of its fields failed validation once the document was submitted.
  const hasInvalidField = useFormFields(([fields]) => Object.values(fields).some((field) => field?.valid === false))
  const invalid = submitted && hasInvalidField

  useEffect(() => {
    if (!invalid || !ref.current) return
    // Only the first incomplete block in the document takes the writer there.
    const first = document.querySelector('[data-byline-block-invalid="true"]')
    if (first !== ref.current) return
    const field = ref.current.querySelector<HTMLElement>('.field-type.error input, .field-type.error textarea') ?? ref.current
    field.scrollIntoView({ block: 'center' })
    field.focus({ preventScroll: true })
  }, [invalid])

  const remove = () => editor.update(() => $getNodeByKey(nodeKey)?.remove())

  return (
    <div ref={ref} className="byline-block" data-byline-block-invalid={invalid ? 'true' : 'false'}>
      <BlockCollapsible
        Actions={
          <button type="button" className="byline-block__remove" aria-label={`Remove ${label.toLowerCase()}`} onClick={remove}>
            Remove
          </button>
        }
      >
        <div className="byline-block__preview" aria-label={`${label} preview`} role="group">
          {preview}
        </div>
        <div className="byline-block__fields">{children}</div>
      </BlockCollapsible>
    </div>
  )
}
