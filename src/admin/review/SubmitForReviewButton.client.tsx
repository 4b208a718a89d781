'use client'

import { Button, toast, useConfig, useDocumentInfo, useForm, useFormFields, useFormProcessing } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback } from 'react'

/**
 * A contributor's way forward: saves the form as a draft and submits it for review in one go.
 * Writers and editors never see it; they get Publish (./PublishOrSubmit.tsx).
 */
export function SubmitForReviewButton() {
  // `uploading` also while Create New's first save is on its way (src/admin/createNew): with no id
  // yet, a submit would make a second document.
  const { id, collectionSlug, uploadStatus } = useDocumentInfo()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { getData, submit } = useForm()
  const processing = useFormProcessing()
  const state = useFormFields(([fields]) => fields['review.state']?.value)
  const submitted = state === 'submitted'

  const submitForReview = useCallback(async () => {
    if (!collectionSlug) return
    const review = (getData() as { review?: Record<string, unknown> }).review
    await submit({
      action: formatAdminURL({ apiRoute: api, path: `/${collectionSlug}${id ? `/${id}` : ''}?depth=0&draft=true` }),
      method: id ? 'PATCH' : 'POST',
      // With the rest of the form, so unsaved edits go along: a draft, now marked "submitted".
      overrides: { _status: 'draft', review: { ...review, state: 'submitted' } },
    })
  }, [api, collectionSlug, getData, id, submit])

  return (
    <Button
      buttonStyle="primary"
      className="submit-for-review"
      disabled={submitted || processing || uploadStatus === 'uploading'}
      id="action-submit-for-review"
      onClick={() => {
        submitForReview().catch((error: unknown) => toast.error(error instanceof Error ? error.message : String(error)))
      }}
      size="medium"
      type="button"
    >
      {submitted ? 'Submitted for review' : 'Submit for review'}
    </Button>
  )
}
