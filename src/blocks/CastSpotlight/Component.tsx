import type { CastSpotlightBlock } from '@/payload-types'

import { CastCards } from '@/components/CastCards'
import { castRef } from '@/lib/articles'

export function CastSpotlightComponent({ block }: { block: CastSpotlightBlock }) {
  // Unpopulated entries (a cast member since deleted) are skipped rather than shown empty.
  const cast = block.cast.filter((member) => typeof member === 'object').map(castRef)
  if (cast.length === 0) return null
  return (
    <aside className="cast-spotlight" aria-label={block.heading ?? 'Cast spotlight'}>
      {block.heading ? <h3 className="cast-spotlight__heading">{block.heading}</h3> : null}
      <CastCards cast={cast} />
    </aside>
  )
}
