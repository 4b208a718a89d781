'use client'
/**
 * A text or textarea field of one of our blocks, bound to the block's form with Payload's
 * `useField` and drawn with Payload's label, error and description pieces. Its id is unique to the
 * block (see BlockFrame for why Payload's own block fields are not used).
 */
import { FieldDescription, FieldError, FieldLabel, useField } from '@payloadcms/ui'
import { useBlockComponentContext } from '@payloadcms/richtext-lexical/client'

type Props = { path: string; label: string; required?: boolean; multiline?: boolean; description?: string }

export function BlockTextField({ path, label, required, multiline, description }: Props) {
  const { nodeKey } = useBlockComponentContext()
  const { value, setValue, showError } = useField<string>({ path })
  const id = `block-${nodeKey}-${path}`
  const descriptionId = description ? `${id}-description` : undefined
  const common = {
    id,
    name: path,
    value: value ?? '',
    'aria-invalid': showError || undefined,
    'aria-describedby': descriptionId,
    'aria-required': required || undefined,
  }
  return (
    <div className={['field-type', multiline ? 'textarea' : 'text', showError ? 'error' : null].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={id} label={label} required={required} path={path} />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        {multiline ? (
          <div className="textarea-outer">
            <div className="textarea-inner">
              <div className="textarea-clone" data-value={value ?? ''} />
              <textarea {...common} rows={3} onChange={(e) => setValue(e.target.value)} />
            </div>
          </div>
        ) : (
          <input {...common} type="text" onChange={(e) => setValue(e.target.value)} />
        )}
        {description ? (
          <div id={descriptionId}>
            <FieldDescription description={description} path={path} />
          </div>
        ) : null}
      </div>
    </div>
  )
}
