'use client'

import type { UIFieldClientComponent } from 'payload'

import { useFormFields } from '@payloadcms/ui'

import './reviewNoteBanner.css'

/**
 * The editor's note, at the top of the article while it is sent back: the first thing the author
 * reads when they open it, not a field at the bottom of the sidebar. The note itself stays where
 * editors write it (the Review group); this shows it.
 */
export const ReviewNoteBanner: UIFieldClientComponent = () => {
  const state = useFormFields(([fields]) => fields['review.state']?.value)
  const note = useFormFields(([fields]) => fields['review.note']?.value)
  if (state !== 'changes-requested' || typeof note !== 'string' || note.trim() === '') return null
  return (
    <section className="review-note-banner" role="note" aria-labelledby="review-note-banner-heading">
      <h2 id="review-note-banner-heading" className="review-note-banner__heading">
        Changes requested by the editor
      </h2>
      <p className="review-note-banner__note">{note}</p>
      <p className="review-note-banner__next">Make the changes, then press “Submit for review” again.</p>
    </section>
  )
}
