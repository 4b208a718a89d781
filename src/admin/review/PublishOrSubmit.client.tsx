'use client'

import { PublishButton, useDocumentInfo } from '@payloadcms/ui'
import { useEffect } from 'react'

import { SubmitForReviewButton } from './SubmitForReviewButton.client'

/**
 * The article's main action: Publish (with its schedule menu) for whoever may publish this article,
 * "Submit for review" for a contributor, who may not (collections/Articles, access).
 */
export function PublishOrSubmit() {
  const { hasPublishPermission, hasPublishedDoc, id, unpublishedVersionCount, setUnpublishedVersionCount } = useDocumentInfo()

  // Payload 3.90's PublishButton opens its Schedule drawer on "Unpublish" whenever it counts no
  // unpublished versions (`defaultType: !hasNewerVersions ? 'unpublish' : 'publish'`), and the
  // edit view counts none for an article that was never published: its versions are only counted
  // against a published one. Such an article has at least one unpublished version, its draft, so
  // the count is corrected here and the drawer opens on "Publish". Nothing else reads the count
  // while no version is published (the Status pill shows "Draft" whatever it is); after a publish
  // PublishButton resets it to 0, and "Unpublish" is again the default for a published article.
  useEffect(() => {
    if (id && !hasPublishedDoc && unpublishedVersionCount === 0) setUnpublishedVersionCount(1)
  }, [hasPublishedDoc, id, setUnpublishedVersionCount, unpublishedVersionCount])

  return hasPublishPermission ? <PublishButton /> : <SubmitForReviewButton />
}
