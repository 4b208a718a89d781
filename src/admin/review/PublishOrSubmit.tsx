'use client'

import { PublishButton, useDocumentInfo } from '@payloadcms/ui'

import { SubmitForReviewButton } from './SubmitForReviewButton'

/**
 * The article's main action: Publish (with its schedule menu) for whoever may publish this article,
 * "Submit for review" for a contributor, who may not (collections/Articles, access).
 */
export function PublishOrSubmit() {
  const { hasPublishPermission } = useDocumentInfo()
  return hasPublishPermission ? <PublishButton /> : <SubmitForReviewButton />
}
