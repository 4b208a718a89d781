import type { Cast, CastSpotlightBlock } from '@/payload-types'

import type { DraftFields } from '../draftFields'

import { CastCards } from '@/components/CastCards'
import { castRef } from '@/lib/articles/types'

import { filled } from '../draftFields'

const isPopulated = (member: unknown): member is Cast =>
  typeof member === 'object' && member !== null && typeof (member as Partial<Cast>).slug === 'string'

export function CastSpotlightComponent({ block }: { block: DraftFields<CastSpotlightBlock> }) {
  // Unpopulated entries (a cast member since deleted, or none chosen yet in a draft) are skipped rather than shown empty.
  const cast = (Array.isArray(block.castMembers) ? block.castMembers : []).filter(isPopulated).map(castRef)
  if (cast.length === 0) return null
  const heading = filled(block.heading)
  return (
    <aside className="cast-spotlight" aria-label={heading ?? 'Cast spotlight'}>
      {heading ? <h3 className="cast-spotlight__heading">{heading}</h3> : null}
      <CastCards cast={cast} />
    </aside>
  )
}
