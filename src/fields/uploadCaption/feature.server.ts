import { createServerFeature } from '@payloadcms/richtext-lexical'

/**
 * An inline image's caption where the image is (#11 item 1): Payload's upload node keeps the
 * caption (the UploadFeature's extra fields) behind an icon-only "Edit Relationship" button that
 * shows only on hover, and offers no option to change that view. This feature's plugin shows the
 * caption under each image with a named "Edit caption" button that opens Payload's own drawer.
 */
export const UploadCaptionFeature = createServerFeature({
  feature: { ClientFeature: '@/fields/uploadCaption/feature.client#UploadCaptionClientFeature' },
  key: 'bylineUploadCaption',
})
